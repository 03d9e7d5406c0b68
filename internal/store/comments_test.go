package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestCommentsAndVotes(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ann, bob := mustUser(t, s, "ann"), mustUser(t, s, "bob")
		art := Target{TargetArticle, 7}
		now := time.UnixMilli(1_700_000_000_000).UTC()
		top, err := s.AddComment(ctx, Comment{Target: art, AuthorID: ann.ID, Body: "*hello*", Created: now})
		if err != nil {
			t.Fatal(err)
		}
		if top.ID == 0 || top.Depth != 1 || top.State != CommentVisible || top.AuthorName != "ann" || !top.Created.Equal(now) {
			t.Fatalf("added %+v", top)
		}
		reply, err := s.AddComment(ctx, Comment{Target: art, ParentID: top.ID, Depth: 2, AuthorID: bob.ID, Body: "reply", Created: now.Add(time.Second)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddComment(ctx, Comment{Target: Target{TargetStory, 7}, AuthorID: bob.ID, Body: "on the story", State: CommentHeld}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddComment(ctx, Comment{Target: Target{"page", 7}, AuthorID: bob.ID, Body: "x"}); err == nil {
			t.Fatal("a comment on an unknown kind of target was stored")
		}
		thread, err := s.ThreadComments(ctx, art, 0)
		if err != nil || len(thread) != 2 || thread[0].ID != top.ID || thread[1].ParentID != top.ID || thread[1].Depth != 2 {
			t.Fatalf("thread %+v, %v", thread, err)
		}

		// Votes: one per user, changeable, withdrawable; counts follow.
		steps := []struct {
			user       int64
			value      int
			ups, downs int
		}{
			{ann.ID, 1, 1, 0},
			{bob.ID, 1, 2, 0},
			{bob.ID, 1, 2, 0}, // the same vote again changes nothing
			{bob.ID, -1, 1, 1},
			{ann.ID, 0, 0, 1},
		}
		for i, st := range steps {
			ups, downs, err := s.SetVote(ctx, reply.ID, st.user, st.value, now)
			if err != nil || ups != st.ups || downs != st.downs {
				t.Fatalf("step %d: %d/%d, %v; want %d/%d", i, ups, downs, err, st.ups, st.downs)
			}
		}
		if got, _ := s.Comment(ctx, reply.ID); got.Score != -1 || got.Ups != 0 || got.Downs != 1 {
			t.Fatalf("after votes %+v", got)
		}
		if v, err := s.Vote(ctx, reply.ID, bob.ID); err != nil || v != -1 {
			t.Fatalf("bob's vote %d, %v", v, err)
		}
		if votes, err := s.ThreadVotes(ctx, art, bob.ID); err != nil || len(votes) != 1 || votes[reply.ID] != -1 {
			t.Fatalf("thread votes %v, %v", votes, err)
		}
		if _, _, err := s.SetVote(ctx, 9999, bob.ID, 1, now); err == nil {
			t.Fatal("vote on a missing comment succeeded")
		}

		// Edit and delete.
		if err := s.EditComment(ctx, top.ID, "*hello* again", CommentVisible, now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteComment(ctx, reply.ID, now.Add(2*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteComment(ctx, reply.ID, now.Add(3*time.Minute)); !errors.Is(err, ErrNotFound) {
			t.Fatalf("deleting twice: %v", err)
		}
		if err := s.EditComment(ctx, reply.ID, "x", CommentVisible, now); !errors.Is(err, ErrNotFound) {
			t.Fatalf("editing a deleted comment: %v", err)
		}
		got, _ := s.Comment(ctx, top.ID)
		if got.Body != "*hello* again" || !got.EditedAt.Equal(now.Add(time.Minute)) {
			t.Fatalf("edited %+v", got)
		}
		counts, err := s.CountComments(ctx, TargetArticle, []int64{7, 8})
		if err != nil || counts[7] != 1 || counts[8] != 0 {
			t.Fatalf("counts %v, %v (the deleted reply must not count)", counts, err)
		}
		if counts, _ := s.CountComments(ctx, TargetStory, []int64{7}); counts[7] != 0 {
			t.Fatalf("held story comment counted: %v", counts)
		}
		if n, err := s.CountUserComments(ctx, bob.ID, CommentHeld); err != nil || n != 1 {
			t.Fatalf("bob held %d, %v", n, err)
		}
		if n, _ := s.CountUserComments(ctx, bob.ID, ""); n != 2 {
			t.Fatalf("bob all %d", n)
		}
		if last, err := s.LastCommentAt(ctx, ann.ID); err != nil || !last.Equal(now) {
			t.Fatalf("last comment %v, %v", last, err)
		}
		if list, err := s.UserComments(ctx, bob.ID, 10); err != nil || len(list) != 2 || list[0].Body != "on the story" {
			t.Fatalf("bob's comments %+v, %v", list, err)
		}
	})
}
