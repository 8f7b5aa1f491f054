#include "go_asm.h"
#include "textflag.h"

// func reserveStack()
// A frame of const_reservedFrame bytes that is never written: see
// stack_reserve.go.
TEXT ·reserveStack(SB), 0, $const_reservedFrame-0
	RET
