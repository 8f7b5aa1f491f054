package analysis

import "unicode/utf8"

// ContractFix is the fix summary of the JSON contract in DESIGN.md.
type ContractFix struct {
	Title string `json:"title"`
	Safe  bool   `json:"safe"`
}

// ContractFinding is one finding as `stelp check --format json` prints it:
// 1-based lines and columns, columns counted in Unicode code points.
type ContractFinding struct {
	Rule      string       `json:"rule"`
	Name      string       `json:"name"`
	Severity  string       `json:"severity"`
	CWE       int          `json:"cwe"`
	Category  string       `json:"category"`
	Message   string       `json:"message"`
	Line      int          `json:"line"`
	Column    int          `json:"column"`
	EndLine   int          `json:"end_line"`
	EndColumn int          `json:"end_column"`
	Fix       *ContractFix `json:"fix,omitempty"`
}

// Contract converts f, found in src, to the JSON contract shape.
func (f Finding) Contract(src []byte) ContractFinding {
	var startCol, endCol int
	if f.hasOffsets && f.endOff <= len(src) && f.startOff >= f.Range.Start.Column && f.endOff >= f.Range.End.Column {
		// the line starts Column bytes before the offset
		startCol = utf8.RuneCount(src[f.startOff-f.Range.Start.Column : f.startOff])
		endCol = utf8.RuneCount(src[f.endOff-f.Range.End.Column : f.endOff])
	} else {
		lines := lineStarts(src)
		startCol, endCol = codePointColumn(src, lines, f.Range.Start), codePointColumn(src, lines, f.Range.End)
	}
	c := ContractFinding{
		Rule: f.Rule, Name: f.Name, Severity: string(f.Severity), CWE: f.CWE, Category: string(f.Category),
		Message: f.Message,
		Line:    f.Range.Start.Line + 1, Column: startCol + 1,
		EndLine: f.Range.End.Line + 1, EndColumn: endCol + 1,
	}
	if f.Fix != nil {
		c.Fix = &ContractFix{Title: f.Fix.Title, Safe: f.Fix.Applicability == FixSafe}
	}
	return c
}

// codePointColumn converts a byte column to a count of code points; bytes
// of invalid UTF-8 count one each.
func codePointColumn(src []byte, lines []uint32, pos Position) int {
	if pos.Line < 0 || pos.Line >= len(lines) {
		return pos.Column
	}
	start := int(lines[pos.Line])
	end := start + pos.Column
	if end > len(src) {
		end = len(src)
	}
	return utf8.RuneCount(src[start:end])
}
