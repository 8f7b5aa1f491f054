package exec

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

// A request frame carries the code as is: every byte of it, quotes,
// backslashes, NULs, invalid UTF-8 and all, arrives unchanged, and so do
// the other fields.
func TestRequestFrameRoundTrip(t *testing.T) {
	for _, code := range []string{"", "print('hi')\n", "s = \"\\\\\" + '\\x00'\n\x00\xff\xfe", strings.Repeat("x = 'é€😀'\n", 5000)} {
		want := &Request{Code: code, Stdin: "in\n", Files: map[string]string{"a.txt": "A"}, ModulesAllow: []string{"math"},
			Limits: policy.Limits{Time: time.Second, Steps: 10, MemoryMB: 64, Recursion: 50, OutputKB: 8}, FilesAllowed: true, Trace: true}
		var buf bytes.Buffer
		if err := writeRequest(&buf, want); err != nil {
			t.Fatal(err)
		}
		n, err := readHeader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		var got Request
		if err := readRequest(&buf, n, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&got, want) {
			t.Fatalf("code %q: got %+v", code[:min(len(code), 20)], got)
		}
		if buf.Len() != 0 {
			t.Fatalf("%d bytes left after the frame", buf.Len())
		}
	}
	// A frame whose JSON length runs past its end is refused.
	var bad bytes.Buffer
	bad.Write([]byte{0, 0, 0, 6, 0, 0, 0, 9, '{', '}'})
	n, _ := readHeader(&bad)
	if err := readRequest(&bad, n, &Request{}); err == nil {
		t.Fatal("a request frame with a JSON length past its end was read")
	}
}
