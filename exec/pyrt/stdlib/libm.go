package stdlib

// #cgo LDFLAGS: -lm
// #include <math.h>
import "C"

// CPython's math functions are the C library's, and Go's pure-Go versions
// differ from glibc in the last bit for some arguments (math.Sin, math.Cos,
// math.Log, ...). Calling libm gives CPython's exact floats, which matters
// for printed results and for random's gauss/expovariate.

func cSin(x float64) float64      { return float64(C.sin(C.double(x))) }
func cCos(x float64) float64      { return float64(C.cos(C.double(x))) }
func cTan(x float64) float64      { return float64(C.tan(C.double(x))) }
func cAsin(x float64) float64     { return float64(C.asin(C.double(x))) }
func cAcos(x float64) float64     { return float64(C.acos(C.double(x))) }
func cAtan(x float64) float64     { return float64(C.atan(C.double(x))) }
func cSinh(x float64) float64     { return float64(C.sinh(C.double(x))) }
func cCosh(x float64) float64     { return float64(C.cosh(C.double(x))) }
func cTanh(x float64) float64     { return float64(C.tanh(C.double(x))) }
func cAsinh(x float64) float64    { return float64(C.asinh(C.double(x))) }
func cAcosh(x float64) float64    { return float64(C.acosh(C.double(x))) }
func cAtanh(x float64) float64    { return float64(C.atanh(C.double(x))) }
func cExp(x float64) float64      { return float64(C.exp(C.double(x))) }
func cExpm1(x float64) float64    { return float64(C.expm1(C.double(x))) }
func cExp2(x float64) float64     { return float64(C.exp2(C.double(x))) }
func cLog(x float64) float64      { return float64(C.log(C.double(x))) }
func cLog2(x float64) float64     { return float64(C.log2(C.double(x))) }
func cLog10(x float64) float64    { return float64(C.log10(C.double(x))) }
func cLog1p(x float64) float64    { return float64(C.log1p(C.double(x))) }
func cErf(x float64) float64      { return float64(C.erf(C.double(x))) }
func cErfc(x float64) float64     { return float64(C.erfc(C.double(x))) }
func cCbrt(x float64) float64     { return float64(C.cbrt(C.double(x))) }
func cAtan2(y, x float64) float64 { return float64(C.atan2(C.double(y), C.double(x))) }
func cPow(x, y float64) float64   { return float64(C.pow(C.double(x), C.double(y))) }
func cHypot(x, y float64) float64 { return float64(C.hypot(C.double(x), C.double(y))) }
func cFmod(x, y float64) float64  { return float64(C.fmod(C.double(x), C.double(y))) }
