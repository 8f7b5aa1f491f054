package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// maxMessageBytes bounds one JSON-RPC message. A larger body is skipped
// rather than allocated: a client bug must not take the server's memory.
const maxMessageBytes = 64 << 20

// stream is the LSP base-protocol framing (Content-Length headers), like
// jsonrpc2.NewStream, except that a bad message is answered or skipped
// instead of ending the connection: jsonrpc2.Conn closes the whole stream on
// the first Read error, so malformed JSON from one buggy client request would
// otherwise kill the server.
type stream struct {
	conn    io.ReadWriteCloser
	in      *bufio.Reader
	writeMu sync.Mutex
	log     *zap.Logger
	max     int64
}

func newStream(rwc io.ReadWriteCloser, log *zap.Logger) *stream {
	return &stream{conn: rwc, in: bufio.NewReaderSize(rwc, 64<<10), log: log, max: maxMessageBytes}
}

// Read returns the next well-formed message. Only I/O errors (the client
// went away) are returned; framing and JSON errors are reported and skipped.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	var total int64
	for {
		if err := ctx.Err(); err != nil {
			// Wrapped like every other Read error: jsonrpc2 stores errors
			// in an atomic.Value, which panics on a change of type.
			return nil, total, fmt.Errorf("read: %w", err)
		}
		length, n, err := s.readHeader()
		total += n
		if err != nil {
			return nil, total, err
		}
		if length < 0 {
			continue // bad header block: already logged
		}
		if length > s.max {
			s.log.Warn("skipping oversized message", zap.Int64("bytes", length))
			m, err := io.CopyN(io.Discard, s.in, length)
			total += m
			if err != nil {
				return nil, total, fmt.Errorf("skip oversized message: %w", err)
			}
			s.writeError(nil, jsonrpc2.InvalidRequest, fmt.Sprintf("message of %d bytes exceeds the %d byte limit", length, s.max))
			continue
		}
		data := make([]byte, length)
		if _, err := io.ReadFull(s.in, data); err != nil {
			return nil, total, fmt.Errorf("read message body: %w", err)
		}
		total += length
		msg, err := jsonrpc2.DecodeMessage(data)
		if err == nil {
			return msg, total, nil
		}
		s.log.Warn("skipping malformed message", zap.Error(err))
		s.writeError(recoverID(data), jsonrpc2.ParseError, "malformed JSON-RPC message: "+err.Error())
	}
}

// readHeader reads one header block. It returns length -1 for a block
// without a usable Content-Length.
func (s *stream) readHeader() (length, total int64, err error) {
	length = -1
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			return 0, total, fmt.Errorf("read header: %w", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			if length < 0 {
				s.log.Warn("header block without Content-Length")
			}
			return length, total, nil
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			s.log.Warn("invalid header line", zap.String("line", line))
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), jsonrpc2.HdrContentLength) {
			v, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || v <= 0 {
				s.log.Warn("invalid Content-Length", zap.String("value", value))
				continue
			}
			length = v
		}
	}
}

// recoverID digs the id out of a message the decoder rejected, so that a
// client waiting on that request gets an error instead of hanging.
func recoverID(data []byte) json.RawMessage {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(data, &probe) != nil || len(probe.ID) == 0 {
		return nil
	}
	return probe.ID
}

// writeError sends an error response outside jsonrpc2.Conn (which cannot
// answer a message it never saw). id nil becomes JSON null.
func (s *stream) writeError(id json.RawMessage, code jsonrpc2.Code, msg string) {
	if id == nil {
		id = json.RawMessage("null")
	}
	body, err := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   struct {
			Code    int32  `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}{JSONRPC: "2.0", ID: id, Error: struct {
		Code    int32  `json:"code"`
		Message string `json:"message"`
	}{int32(code), msg}})
	if err != nil {
		return
	}
	if _, err := s.writeRaw(body); err != nil {
		s.log.Warn("write error response", zap.Error(err))
	}
}

// Write implements jsonrpc2.Stream.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("marshal message: %w", err)
	}
	return s.writeRaw(data)
}

func (s *stream) writeRaw(data []byte) (int64, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	buf := make([]byte, 0, len(data)+32)
	buf = append(buf, jsonrpc2.HdrContentLength...)
	buf = append(buf, ": "...)
	buf = strconv.AppendInt(buf, int64(len(data)), 10)
	buf = append(buf, "\r\n\r\n"...)
	buf = append(buf, data...)
	n, err := s.conn.Write(buf)
	if err != nil {
		return int64(n), fmt.Errorf("write message: %w", err)
	}
	return int64(n), nil
}

// Close implements jsonrpc2.Stream.
func (s *stream) Close() error {
	err := s.conn.Close()
	if errors.Is(err, io.ErrClosedPipe) {
		return nil
	}
	return err
}
