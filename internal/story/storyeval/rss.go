package storyeval

import (
	"bytes"
	"os"
	"strconv"
)

// PeakRSS returns the process's peak resident set size in bytes (VmHWM), or 0 where
// /proc is not available.
func PeakRSS() int64 { return procStatus("VmHWM:") }

// CurrentRSS returns the process's resident set size in bytes (VmRSS), or 0.
func CurrentRSS() int64 { return procStatus("VmRSS:") }

// ResetPeakRSS asks Linux to restart the peak RSS count, so that methods run one after
// the other in one process each get their own peak. It does nothing elsewhere.
func ResetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

func procStatus(key string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range bytes.Lines(b) {
		if !bytes.HasPrefix(line, []byte(key)) {
			continue
		}
		f := bytes.Fields(line[len(key):])
		if len(f) == 0 {
			return 0
		}
		kb, err := strconv.ParseInt(string(f[0]), 10, 64)
		if err != nil {
			return 0
		}
		return kb << 10
	}
	return 0
}
