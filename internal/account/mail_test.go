package account

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/textproto"
	"strings"
	"testing"
)

// fakeSMTP is the least of an SMTP server that net/smtp talks to: no TLS, no auth. It
// records the envelope and the data of one message.
func fakeSMTP(t *testing.T) (addr string, got chan string) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	got = make(chan string, 1)
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		tp := textproto.NewConn(c)
		var rec strings.Builder
		tp.PrintfLine("220 fake ESMTP")
		for {
			line, err := tp.ReadLine()
			if err != nil {
				return
			}
			cmd := strings.ToUpper(strings.Fields(line + " x")[0])
			switch cmd {
			case "EHLO", "HELO":
				tp.PrintfLine("250 fake")
			case "MAIL", "RCPT":
				rec.WriteString(line + "\n")
				tp.PrintfLine("250 ok")
			case "DATA":
				tp.PrintfLine("354 go on")
				data, err := tp.ReadDotBytes()
				if err != nil {
					return
				}
				rec.Write(data)
				tp.PrintfLine("250 queued")
			case "QUIT":
				tp.PrintfLine("221 bye")
				got <- rec.String()
				return
			default:
				tp.PrintfLine("502 not implemented")
			}
		}
	}()
	return l.Addr().String(), got
}

func TestSMTPMailer(t *testing.T) {
	t.Parallel()
	addr, got := fakeSMTP(t)
	m := SMTPMailer{Addr: addr, From: "news@example.org"}
	err := m.Send(context.Background(), Message{To: "ann@example.org", Subject: "Reset your password",
		Body: "Open this link:\nhttps://news.example/reset?token=abc\n"})
	if err != nil {
		t.Fatal(err)
	}
	rec := <-got
	for _, want := range []string{"MAIL FROM:<news@example.org>", "RCPT TO:<ann@example.org>", "Subject: Reset your password",
		"Content-Type: text/plain; charset=utf-8", "https://news.example/reset?token=abc"} {
		if !strings.Contains(rec, want) {
			t.Errorf("message lacks %q:\n%s", want, rec)
		}
	}
	for _, bad := range []Message{
		{To: "ann@example.org\r\nBcc: eve@example.org", Subject: "x"},
		{To: "ann@example.org", Subject: "x\nBcc: eve@example.org"},
	} {
		if err := m.Send(context.Background(), bad); !errors.Is(err, ErrHeaderInjection) {
			t.Errorf("header injection %q: %v", bad.To+bad.Subject, err)
		}
	}
}

func TestLogMailer(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	m := LogMailer{Logger: slog.New(slog.NewTextHandler(&buf, nil))}
	if err := m.Send(context.Background(), Message{To: "ann@example.org", Subject: "Confirm", Body: "https://news.example/verify?token=xyz"}); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Scan()
	if line := sc.Text(); !strings.Contains(line, "token=xyz") || !strings.Contains(line, "ann@example.org") {
		t.Fatalf("log line %q lacks the link or the address", line)
	}
}
