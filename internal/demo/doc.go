// Package demo is newsdesk's offline publisher simulator and the synthetic publisher behind
// `newsdesk bench ingest`.
//
// The Simulator serves a handful of fictional news sites on one loopback port: each has a home
// page, a feed (RSS 2.0, RSS 1.0, Atom 1.0 or JSON Feed 1.1), a logo, a favicon and article
// pages wrapped in the clutter real news sites carry (consent banners, ad slots, share bars,
// newsletter and app promos, related links). The article texts are original fiction written
// for the demo and live as small text files under content/, so they are easy to read and edit.
// Articles are released on a schedule, so the front page of a newsdesk fed by the simulator
// moves while you watch.
//
// The Generator serves the same kind of site with random but deterministic text, sized for
// throughput benchmarks, and reports when each of its articles was published.
package demo
