package server

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"go.uber.org/zap"
)

// withProgress runs f and, when it takes longer than the progress delay,
// reports it with $/progress: under the client's workDoneToken if the
// request carried one, else under a token created with
// window/workDoneProgress/create (if the client supports it). Short runs
// send nothing, so quick executions do not flash a spinner.
func (s *Server) withProgress(ctx context.Context, clientToken json.RawMessage, title string, f func(context.Context) error) error {
	hasClientToken := len(clientToken) > 0 && string(clientToken) != "null"
	if !hasClientToken && !s.client.progress {
		return f(ctx)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu      sync.Mutex
		token   json.RawMessage
		done    bool
		started = make(chan struct{})
	)
	timer := time.AfterFunc(s.opts.ProgressDelay, func() {
		defer close(started)
		tok := clientToken
		if !hasClientToken {
			tok, _ = json.Marshal(fmt.Sprintf("stelp-%d", s.seq.Add(1)))
			// Bounded: a client that never answers must not hold the run.
			cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			defer cancel()
			if err := s.callClient(cctx, "window/workDoneProgress/create", map[string]any{"token": tok}, nil); err != nil {
				s.log.Info("workDoneProgress/create", zap.Error(err))
				return
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		token = tok
		s.progressMu.Lock()
		s.progressCancel[string(tok)] = cancel
		s.progressMu.Unlock()
		s.progress(ctx, token, map[string]any{"kind": "begin", "title": title, "cancellable": true})
	})
	err := f(ctx)
	if !timer.Stop() {
		<-started // begin (if any) has gone out; end must follow it
	}
	mu.Lock()
	done = true
	tok := token
	mu.Unlock()
	if tok != nil {
		s.progressMu.Lock()
		delete(s.progressCancel, string(tok))
		s.progressMu.Unlock()
		msg := "done"
		if err != nil {
			msg = "failed"
		} else if ctx.Err() != nil {
			msg = "cancelled"
		}
		s.progress(context.WithoutCancel(ctx), tok, map[string]any{"kind": "end", "message": msg})
	}
	return err
}

func (s *Server) progress(ctx context.Context, token json.RawMessage, value any) {
	if err := s.notify(ctx, "$/progress", map[string]any{"token": token, "value": value}); err != nil {
		s.log.Info("$/progress", zap.Error(err))
	}
}

// cancelProgress handles window/workDoneProgress/cancel: the user pressed
// cancel on a progress notification.
func (s *Server) cancelProgress(ctx context.Context, raw json.RawMessage) error {
	var p struct {
		Token json.RawMessage `json:"token"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("workDoneProgress/cancel params: %w", err)
	}
	s.progressMu.Lock()
	cancel := s.progressCancel[string(p.Token)]
	s.progressMu.Unlock()
	if cancel != nil {
		cancel()
	}
	return nil
}
