package brief

import "math"

// cosine returns the cosine similarity of two bags of terms.
func cosine(a, b termCounts) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	dot := 0.0
	for t, x := range a {
		dot += x * b[t]
	}
	if dot == 0 {
		return 0
	}
	return dot / (magnitude(a) * magnitude(b))
}

func magnitude(a termCounts) float64 {
	s := 0.0
	for _, x := range a {
		s += x * x
	}
	return math.Sqrt(s)
}

// add accumulates b into a, scaled by w.
func (a termCounts) add(b termCounts, w float64) {
	for t, x := range b {
		a[t] += x * w
	}
}
