package exec

// protocol.go: parent and worker exchange length-prefixed JSON frames over
// the worker's stdin and stdout.
//
//	worker → parent  hello    {isolation, error?}     once, when warm
//	parent → worker  request  Request                 one per run
//	worker → parent  reply    {result, tainted}       one per request

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
)

// maxFrame bounds a frame: output is capped well below this, so a bigger
// frame means a confused or hostile peer.
const maxFrame = 64 << 20

type hello struct {
	Isolation []string `json:"isolation"`
	Error     string   `json:"error,omitempty"`
}

type reply struct {
	Result *Result `json:"result"`
	// Tainted: the run changed process-wide interpreter state (a
	// built-in type's method table); the worker exits after replying.
	Tainted bool `json:"tainted,omitempty"`
}

func writeFrame(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode frame: %w", err)
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(body)))
	if _, err := w.Write(append(hdr[:], body...)); err != nil {
		return fmt.Errorf("write frame: %w", err)
	}
	return nil
}

func readFrame(r io.Reader, v any) error {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > maxFrame {
		return fmt.Errorf("frame of %d bytes exceeds %d", n, maxFrame)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return fmt.Errorf("read frame body: %w", err)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("decode frame: %w", err)
	}
	return nil
}
