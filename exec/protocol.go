package exec

// protocol.go: parent and worker exchange length-prefixed JSON frames over
// the worker's stdin and stdout.
//
//	worker → parent  hello    {isolation, error?}     once, when warm
//	parent → worker  wake     (control frame)         optional, ahead of a request
//	parent → worker  rest     (control frame)         the announced request is not coming
//	parent → worker  request  Request (code raw)      one per run
//	worker → parent  reply    {result, tainted}       one per request
//
// A request's body is its JSON without the code, then the code as is: the
// code is most of the frame, and JSON-escaping and unescaping it was most
// of the frame's cost (writeRequest, readRequest).
//
// A control frame is a header alone with its top bit set; the other bits
// say which. wake tells a warm worker that a request is about to come, so
// it polls for it rather than sleeps (spin.go); rest that it is not (the
// program was blocked), so it stops polling.

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
)

// maxFrame bounds a frame: output is capped well below this, so a bigger
// frame means a confused or hostile peer.
const maxFrame = 64 << 20

const (
	controlFrame = 1 << 31
	wakeFrame    = controlFrame | 1
	restFrame    = controlFrame | 2
)

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

// writeControl sends a control frame (wakeFrame, restFrame).
func writeControl(w io.Writer, kind uint32) error {
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], kind)
	if _, err := w.Write(hdr[:]); err != nil {
		return fmt.Errorf("write control frame: %w", err)
	}
	return nil
}

func readFrame(r io.Reader, v any) error {
	n, err := readHeader(r)
	if err != nil {
		return err
	}
	body, err := readRaw(r, n)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("decode frame: %w", err)
	}
	return nil
}

// writeRequest sends a request frame: a 4-byte length of the request's
// JSON without its code, that JSON, then the code.
func writeRequest(w io.Writer, req *Request) error {
	meta := *req
	meta.Code = ""
	js, err := json.Marshal(&meta)
	if err != nil {
		return fmt.Errorf("encode request: %w", err)
	}
	n := 4 + len(js) + len(req.Code)
	frame := make([]byte, 8, 8+len(js)+len(req.Code))
	binary.BigEndian.PutUint32(frame[:4], uint32(n))
	binary.BigEndian.PutUint32(frame[4:8], uint32(len(js)))
	frame = append(append(frame, js...), req.Code...)
	if _, err := w.Write(frame); err != nil {
		return fmt.Errorf("write frame: %w", err)
	}
	return nil
}

// readRequest reads the body of n bytes of a request frame.
func readRequest(r io.Reader, n uint32, req *Request) error {
	if n < 4 {
		return fmt.Errorf("request frame of %d bytes", n)
	}
	body, err := readRaw(r, n)
	if err != nil {
		return err
	}
	j := binary.BigEndian.Uint32(body[:4])
	if j > n-4 {
		return fmt.Errorf("request JSON of %d bytes in a frame of %d", j, n)
	}
	if err := json.Unmarshal(body[4:4+j], req); err != nil {
		return fmt.Errorf("decode frame: %w", err)
	}
	req.Code = string(body[4+j:])
	return nil
}

// readHeader reads a frame's header: its body's length, or a control
// frame's kind.
func readHeader(r io.Reader) (uint32, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(hdr[:]), nil
}

// readRaw reads a frame body of n bytes.
func readRaw(r io.Reader, n uint32) ([]byte, error) {
	if n > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes exceeds %d", n, maxFrame)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("read frame body: %w", err)
	}
	return body, nil
}
