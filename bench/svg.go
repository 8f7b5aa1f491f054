package bench

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// Series is one named set of latencies in milliseconds.
type Series struct {
	Name   string
	Values []float64
}

// seriesColors are told apart by people with the common colour-vision
// deficiencies (Okabe-Ito).
var seriesColors = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9"}

// WriteLatencySVG draws the distribution of each series as a cumulative
// curve (share of programs at or below a latency) on a logarithmic time
// axis: warm runs near a millisecond and process start-ups near a hundred
// fit on one chart, and medians and tails read off directly.
func WriteLatencySVG(w io.Writer, title string, series []Series) error {
	const (
		width, height = 760, 420
		left, right   = 70, 20
		top, bottom   = 40, 110
		plotW         = width - left - right
		plotH         = height - top - bottom
	)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s.Values {
			if v > 0 {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return fmt.Errorf("latency plot: no positive values to draw")
	}
	dlo, dhi := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if dhi <= dlo {
		dhi = dlo + 1
	}
	x := func(v float64) float64 {
		return left + (math.Log10(v)-dlo)/(dhi-dlo)*plotW
	}
	y := func(frac float64) float64 { return top + (1-frac)*plotH }

	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="15" font-weight="bold">%s</text>`+"\n", left, esc(title))
	// Grid and axes.
	for d := dlo; d <= dhi; d++ {
		for _, m := range []float64{1, 2, 5} {
			v := m * math.Pow(10, d)
			if math.Log10(v) > dhi+1e-9 {
				break
			}
			xv := x(v)
			stroke := "#eeeeee"
			if m == 1 {
				stroke = "#cccccc"
			}
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>`+"\n", xv, top, xv, top+plotH, stroke)
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", xv, top+plotH+16, tickLabel(v))
		}
	}
	for _, f := range []float64{0, 0.25, 0.5, 0.75, 1} {
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#dddddd"/>`+"\n", left, y(f), left+plotW, y(f))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end">%.0f%%</text>`+"\n", left-6, y(f)+4, f*100)
	}
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333333"/>`+"\n", left, top, plotW, plotH)
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">latency per program, ms (log scale)</text>`+"\n", left+plotW/2, top+plotH+34)
	fmt.Fprintf(&b, `<text transform="translate(16 %d) rotate(-90)" text-anchor="middle">programs at or below</text>`+"\n", top+plotH/2)
	// Curves: a step function through the sorted values.
	for i, s := range series {
		vals := positive(s.Values)
		color := seriesColors[i%len(seriesColors)]
		fmt.Fprintf(&b, `<g class="series" data-name="%s">`+"\n", esc(s.Name))
		if len(vals) > 0 {
			b.WriteString(`<polyline fill="none" stroke-width="2" stroke="` + color + `" points="`)
			prev := 0.0
			for j, v := range vals {
				frac := float64(j+1) / float64(len(vals))
				fmt.Fprintf(&b, "%.1f,%.1f %.1f,%.1f ", x(v), y(prev), x(v), y(frac))
				prev = frac
			}
			b.WriteString("\"/>\n")
			med := Percentile(vals, 50)
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4" fill="%s"><title>%s median %.2f ms</title></circle>`+"\n", x(med), y(0.5), color, esc(s.Name), med)
		}
		b.WriteString("</g>\n")
		ly := top + plotH + 54 + 18*i
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="3"/>`+"\n", left, ly-4, left+24, ly-4, color)
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s (n=%d, median %s ms)</text>`+"\n", left+32, ly, esc(s.Name), len(vals), tickLabel(Percentile(vals, 50)))
	}
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func positive(v []float64) []float64 {
	out := make([]float64, 0, len(v))
	for _, x := range v {
		if x > 0 && !math.IsInf(x, 0) && !math.IsNaN(x) {
			out = append(out, x)
		}
	}
	sort.Float64s(out)
	return out
}

func tickLabel(v float64) string {
	switch {
	case v >= 10:
		return fmt.Sprintf("%.0f", v)
	case v >= 1:
		return trimZeros(fmt.Sprintf("%.1f", v))
	case v >= 0.1:
		return trimZeros(fmt.Sprintf("%.2f", v))
	default:
		return trimZeros(fmt.Sprintf("%.3f", v))
	}
}

func trimZeros(s string) string {
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

// esc escapes text for SVG (XML) content and attribute values.
func esc(s string) string { return xmlEscaper.Replace(s) }

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")
