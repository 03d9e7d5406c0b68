package account

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/smtp"
	"strings"
	"time"
)

// Message is one plain-text mail.
type Message struct {
	To      string
	Subject string
	Body    string
}

// Mailer sends mail. SMTPMailer sends it; LogMailer writes it to the log, for servers with
// no mail set up (the operator copies the link from the log).
type Mailer interface {
	Send(ctx context.Context, m Message) error
}

// ErrHeaderInjection is returned for an address or subject holding a line break.
var ErrHeaderInjection = errors.New("account: line break in a mail header")

// SMTPMailer sends through an SMTP server with net/smtp, which upgrades to TLS with
// STARTTLS when the server offers it and refuses to send a password over a plain
// connection to anything but localhost.
type SMTPMailer struct {
	Addr     string // host:port
	From     string
	Username string // empty for no authentication
	Password string
}

// Send implements Mailer.
func (m SMTPMailer) Send(ctx context.Context, msg Message) error {
	if strings.ContainsAny(msg.To+msg.Subject+m.From, "\r\n") {
		return ErrHeaderInjection
	}
	var auth smtp.Auth
	if m.Username != "" {
		host, _, err := net.SplitHostPort(m.Addr)
		if err != nil {
			return fmt.Errorf("account: smtp address %q: %w", m.Addr, err)
		}
		auth = smtp.PlainAuth("", m.Username, m.Password, host)
	}
	body := strings.ReplaceAll(msg.Body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\n", "\r\n")
	data := "From: " + m.From + "\r\n" +
		"To: " + msg.To + "\r\n" +
		"Subject: " + msg.Subject + "\r\n" +
		"Date: " + time.Now().Format(time.RFC1123Z) + "\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n"
	// smtp.SendMail takes no context; run it aside so a cancelled request does not wait.
	done := make(chan error, 1)
	go func() { done <- smtp.SendMail(m.Addr, auth, m.From, []string{msg.To}, []byte(data)) }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("account: send mail: %w", err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("account: send mail: %w", ctx.Err())
	}
}

// LogMailer logs each message instead of sending it.
type LogMailer struct{ Logger *slog.Logger }

// Send implements Mailer.
func (m LogMailer) Send(_ context.Context, msg Message) error {
	m.Logger.Info("mail not sent: no SMTP server is configured; the message follows",
		slog.String("to", msg.To), slog.String("subject", msg.Subject), slog.String("body", msg.Body))
	return nil
}
