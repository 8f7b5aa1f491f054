package pyrt

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// TestHumanEvalRuntime runs the 164 HumanEval programs (prompt + canonical
// solution + tests + check) through the runtime alone, without lowering or
// the worker, when the shared corpus is present: every program must pass,
// and with a wrong body (return None) every program must fail.
func TestHumanEvalRuntime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 164 programs")
	}
	f, err := os.Open("../../../shared/corpora/humaneval.jsonl")
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	n := 0
	for sc.Scan() {
		var row struct {
			TaskID            string `json:"task_id"`
			Prompt            string `json:"prompt"`
			EntryPoint        string `json:"entry_point"`
			CanonicalSolution string `json:"canonical_solution"`
			Test              string `json:"test"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		n++
		tail := "\n" + row.Test + "\ncheck(" + row.EntryPoint + ")\n"
		if _, exc := runSnippet(t, row.Prompt+row.CanonicalSolution+tail); exc != "" {
			t.Errorf("%s: %s", row.TaskID, exc)
		}
		if _, exc := runSnippet(t, row.Prompt+"    return None\n"+tail); exc == "" {
			t.Errorf("%s: passed with a wrong body", row.TaskID)
		}
	}
	if n != 164 {
		t.Errorf("read %d programs, want 164", n)
	}
}
