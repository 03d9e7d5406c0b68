package cli

import (
	"context"
	"io"
	"math/rand/v2"
	"net"
	"net/url"
	"sync"
	"syscall"
	"testing"
	"time"

	"newsdesk/internal/store/storetest"
)

// flakyProxy stands between newsdesk and PostgreSQL, so that a test can take the database
// away as a restart of the server would — every connection dropped, new ones refused for
// a while — without touching the server other tests share.
type flakyProxy struct {
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]bool
}

func newFlakyProxy(t *testing.T, target string) *flakyProxy {
	t.Helper()
	p := &flakyProxy{target: target, conns: map[net.Conn]bool{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.ln = ln
	go p.accept(ln)
	t.Cleanup(p.down)
	return p
}

func (p *flakyProxy) accept(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go p.pipe(c)
	}
}

func (p *flakyProxy) pipe(c net.Conn) {
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	if p.ln == nil { // went down while dialling
		p.mu.Unlock()
		c.Close()
		s.Close()
		return
	}
	p.conns[c], p.conns[s] = true, true
	p.mu.Unlock()
	go func() { io.Copy(s, c); s.Close(); c.Close() }() //nolint:errcheck // either side closing ends both
	io.Copy(c, s)                                       //nolint:errcheck
	c.Close()
	s.Close()
	p.mu.Lock()
	delete(p.conns, c)
	delete(p.conns, s)
	p.mu.Unlock()
}

// down drops every connection and refuses new ones.
func (p *flakyProxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
}

// up accepts connections again on the same address.
func (p *flakyProxy) up() error {
	var ln net.Listener
	var err error
	for range 50 { // the port may linger a moment after the close
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go p.accept(ln)
	return nil
}

// PostgreSQL restarted during ingest: newsdesk loses every connection at random moments,
// four times, and cannot connect for one to three seconds each time. It must carry on by
// itself — the process stays up — and in the end have every article exactly once, each
// with a story.
func TestPostgresRestartDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary for about 40 s")
	}
	dsn := storetest.PostgresDSN(t)
	t.Parallel()
	const restarts = 4
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 2))
	t.Logf("seed %d", seed)

	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	target := u.Host
	if u.Port() == "" {
		target = net.JoinHostPort(u.Hostname(), "5432")
	}
	proxy := newFlakyProxy(t, target)
	u.Host = proxy.addr
	proxied := u.String()

	bin := buildNewsdesk(t)
	r := newIngestRig(ctx, t, bin, dsn) // the test itself reaches the server directly
	cmd := r.serve(proxied)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		<-exited
	}()

	if err := r.awaitBacklogSeen(ctx); err != nil {
		r.fatal("first poll: %v", err)
	}
	began := time.Now()
	for range restarts {
		time.Sleep(time.Duration(500+rng.IntN(1500)) * time.Millisecond) // a random moment of ingest
		proxy.down()
		time.Sleep(time.Duration(1000+rng.IntN(2000)) * time.Millisecond) // the server is away
		if err := proxy.up(); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-exited:
			r.fatal("newsdesk exited while the database was away: %v", err)
		default:
		}
	}
	back := time.Now()
	t.Logf("%d restarts in %s", restarts, back.Sub(began).Round(time.Millisecond))
	if err := r.awaitAll(ctx, 100*time.Second); err != nil {
		n, _ := count(ctx, r.db, `SELECT COUNT(*) FROM articles`)
		r.fatal("after the restarts: %v (%d of %d articles)", err, n, rigArticles)
	}
	select {
	case err := <-exited:
		r.fatal("newsdesk exited: %v", err)
	default:
	}
	t.Logf("all %d articles stored %s after the last restart; the server logged %d warnings and errors",
		rigArticles, time.Since(back).Round(time.Millisecond), r.complaints())
	r.verify(ctx)
}
