package analysis

/*
#include <stdint.h>

// From the tree-sitter runtime the binding links (language.c).
extern uint16_t ts_language_public_symbol(const void *, uint16_t);
*/
import "C"

import (
	"sync"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// publicSymbol is the symbol tree-sitter reports for nodes of symbol s
// (an aliased rule reports the symbol of its alias).
func publicSymbol(lang *sitter.Language, s uint16) uint16 {
	// sitter.Language's only field is the C TSLanguage pointer (pinned
	// version), as flatten relies on for sitter.Node.
	ptr := *(*unsafe.Pointer)(unsafe.Pointer(lang))
	return uint16(C.ts_language_public_symbol(ptr, C.uint16_t(s)))
}

// fpSymbols are the grammar symbol and field ids the fast parser writes,
// looked up by name in the tree-sitter grammar once, so that its nodes
// carry exactly the ids a tree-sitter parse would.
type fpSymbols struct {
	named []bool // by symbol id

	// named nodes
	module, exprStmt, assignment, augAssignment, identifier, integer, float,
	true_, false_, none, ellipsis, str, strStart, strContent, strEnd, escape,
	escInterp, interpolation, formatSpec, formatExpr, typeConv, concatStr,
	comment, lineCont, call, argList, kwArg, listSplat, dictSplat, parenExpr,
	tuple, list, set, dict, pair, listComp, setComp, dictComp, genExpr,
	forIn, ifClause, attribute, subscript, slice, binOp, unOp, notOp, boolOp,
	cmpOp, condExpr, lambda, lambdaParams, namedExpr, await, yield, exprList,
	patternList, tuplePattern, listPattern, listSplatPattern, dictSplatPattern,
	defaultParam, typedParam, typedDefaultParam, posSep, kwSep, parameters,
	funcDef, classDef, decorated, decorator, block, ifStmt, elifClause,
	elseClause, forStmt, whileStmt, tryStmt, exceptClause, finallyClause,
	withStmt, withClause, withItem, asPattern, asPatternTarget, returnStmt,
	passStmt, breakStmt, continueStmt, raiseStmt, deleteStmt, globalStmt,
	nonlocalStmt, assertStmt, importStmt, importFrom, futureImport, aliasedImport,
	dottedName, relImport, importPrefix, wildcardImport, typ, genericType,
	typeParam, unionType uint16

	// anonymous tokens and the composite operators
	notIn, isNot uint16
	semi, import_, dot, from, future, lparen, rparen, comma, as, star, rshift,
	assert, walrus, return_, del, raise, pass, break_, continue_, if_, colon,
	elif, else_, async, for_, in, while_, try_, except, finally, with, def,
	arrow, starstar, global, nonlocal, eq, class, lbrack, rbrack, at, minus,
	pipe, lbrace, rbrace, plus, not, and, or, slash, percent, slashslash, amp,
	caret, lshift, tilde, is, lt, le, eqeq, ne, ge, gt, lambdaKw, yieldKw,
	backslash, awaitKw uint16
	augOps [13]uint16 // += -= *= /= @= //= %= **= >>= <<= &= ^= |=

	// fields
	fAlias, fAlternative, fArgument, fArguments, fAttribute, fBody, fCause,
	fCondition, fConsequence, fDefinition, fExpression, fFormatSpecifier,
	fFunction, fKey, fLeft, fModuleName, fName, fObject, fOperator, fOperators,
	fParameters, fReturnType, fRight, fSubscript, fSuperclasses, fType,
	fTypeConversion, fValue uint8

	binLevel []uint8 // binary operator level by symbol (see lvOr), 0 for none

	missing []string // names the grammar did not have (then the fast parser is off)
}

var (
	fpSymsOnce sync.Once
	fpSyms     *fpSymbols
)

// fastSymbols returns the fast parser's symbol table, nil when the grammar
// lacks a symbol it needs.
func fastSymbols() *fpSymbols {
	fpSymsOnce.Do(func() {
		lang, tables := python()
		s := newFPSymbols(lang, tables)
		if len(s.missing) == 0 {
			fpSyms = s
		}
	})
	return fpSyms
}

func newFPSymbols(lang *sitter.Language, tables *langTables) *fpSymbols {
	s := &fpSymbols{named: make([]bool, len(tables.symbols)+1)}
	for i := range tables.symbols {
		s.named[i] = lang.SymbolType(sitter.Symbol(i)) == sitter.SymbolTypeRegular
	}
	// The first symbol of a name and kind is the one tree-sitter reports
	// (its public symbol); later ones are aliases of it.
	find := func(name string, named bool) uint16 {
		want := sitter.SymbolTypeAnonymous
		if named {
			want = sitter.SymbolTypeRegular
		}
		for i, n := range tables.symbols {
			if n == name && lang.SymbolType(sitter.Symbol(i)) == want {
				return publicSymbol(lang, uint16(i))
			}
		}

		s.missing = append(s.missing, name)
		return 0
	}
	sym := func(name string) uint16 { return find(name, true) }
	tok := func(name string) uint16 { return find(name, false) }
	field := func(name string) uint8 {
		for i, f := range tables.fields {
			if f == name && i > 0 {
				return uint8(i)
			}
		}
		s.missing = append(s.missing, "field "+name)
		return 0
	}

	s.module, s.exprStmt, s.assignment, s.augAssignment = sym("module"), sym("expression_statement"), sym("assignment"), sym("augmented_assignment")
	s.identifier, s.integer, s.float = sym("identifier"), sym("integer"), sym("float")
	s.true_, s.false_, s.none, s.ellipsis = sym("true"), sym("false"), sym("none"), sym("ellipsis")
	s.str, s.strStart, s.strContent, s.strEnd = sym("string"), sym("string_start"), sym("string_content"), sym("string_end")
	s.escape, s.escInterp, s.interpolation = sym("escape_sequence"), sym("escape_interpolation"), sym("interpolation")
	s.formatSpec, s.formatExpr, s.typeConv, s.concatStr = sym("format_specifier"), sym("format_expression"), sym("type_conversion"), sym("concatenated_string")
	s.comment, s.lineCont = sym("comment"), sym("line_continuation")
	s.call, s.argList, s.kwArg, s.listSplat, s.dictSplat = sym("call"), sym("argument_list"), sym("keyword_argument"), sym("list_splat"), sym("dictionary_splat")
	s.parenExpr, s.tuple, s.list, s.set, s.dict, s.pair = sym("parenthesized_expression"), sym("tuple"), sym("list"), sym("set"), sym("dictionary"), sym("pair")
	s.listComp, s.setComp, s.dictComp, s.genExpr = sym("list_comprehension"), sym("set_comprehension"), sym("dictionary_comprehension"), sym("generator_expression")
	s.forIn, s.ifClause, s.attribute, s.subscript, s.slice = sym("for_in_clause"), sym("if_clause"), sym("attribute"), sym("subscript"), sym("slice")
	s.binOp, s.unOp, s.notOp, s.boolOp, s.cmpOp = sym("binary_operator"), sym("unary_operator"), sym("not_operator"), sym("boolean_operator"), sym("comparison_operator")
	s.condExpr, s.lambda, s.lambdaParams, s.namedExpr = sym("conditional_expression"), sym("lambda"), sym("lambda_parameters"), sym("named_expression")
	s.await, s.yield, s.exprList, s.patternList = sym("await"), sym("yield"), sym("expression_list"), sym("pattern_list")
	s.tuplePattern, s.listPattern, s.listSplatPattern, s.dictSplatPattern = sym("tuple_pattern"), sym("list_pattern"), sym("list_splat_pattern"), sym("dictionary_splat_pattern")
	s.defaultParam, s.typedParam, s.typedDefaultParam = sym("default_parameter"), sym("typed_parameter"), sym("typed_default_parameter")
	s.posSep, s.kwSep, s.parameters = sym("positional_separator"), sym("keyword_separator"), sym("parameters")
	s.funcDef, s.classDef, s.decorated, s.decorator, s.block = sym("function_definition"), sym("class_definition"), sym("decorated_definition"), sym("decorator"), sym("block")
	s.ifStmt, s.elifClause, s.elseClause, s.forStmt, s.whileStmt = sym("if_statement"), sym("elif_clause"), sym("else_clause"), sym("for_statement"), sym("while_statement")
	s.tryStmt, s.exceptClause, s.finallyClause = sym("try_statement"), sym("except_clause"), sym("finally_clause")
	s.withStmt, s.withClause, s.withItem, s.asPattern, s.asPatternTarget = sym("with_statement"), sym("with_clause"), sym("with_item"), sym("as_pattern"), sym("as_pattern_target")
	s.returnStmt, s.passStmt, s.breakStmt, s.continueStmt, s.raiseStmt = sym("return_statement"), sym("pass_statement"), sym("break_statement"), sym("continue_statement"), sym("raise_statement")
	s.deleteStmt, s.globalStmt, s.nonlocalStmt, s.assertStmt = sym("delete_statement"), sym("global_statement"), sym("nonlocal_statement"), sym("assert_statement")
	s.importStmt, s.importFrom, s.futureImport, s.aliasedImport = sym("import_statement"), sym("import_from_statement"), sym("future_import_statement"), sym("aliased_import")
	s.dottedName, s.relImport, s.importPrefix, s.wildcardImport = sym("dotted_name"), sym("relative_import"), sym("import_prefix"), sym("wildcard_import")
	s.typ, s.genericType, s.typeParam, s.unionType = sym("type"), sym("generic_type"), sym("type_parameter"), sym("union_type")

	s.notIn, s.isNot = tok("not in"), tok("is not")
	s.semi, s.import_, s.dot, s.from, s.future = tok(";"), tok("import"), tok("."), tok("from"), tok("__future__")
	s.lparen, s.rparen, s.comma, s.as, s.star, s.rshift = tok("("), tok(")"), tok(","), tok("as"), tok("*"), tok(">>")
	s.assert, s.walrus, s.return_, s.del, s.raise, s.pass = tok("assert"), tok(":="), tok("return"), tok("del"), tok("raise"), tok("pass")
	s.break_, s.continue_, s.if_, s.colon, s.elif, s.else_ = tok("break"), tok("continue"), tok("if"), tok(":"), tok("elif"), tok("else")
	s.async, s.for_, s.in, s.while_, s.try_, s.except = tok("async"), tok("for"), tok("in"), tok("while"), tok("try"), tok("except")
	s.finally, s.with, s.def, s.arrow, s.starstar = tok("finally"), tok("with"), tok("def"), tok("->"), tok("**")
	s.global, s.nonlocal, s.eq, s.class, s.lbrack, s.rbrack = tok("global"), tok("nonlocal"), tok("="), tok("class"), tok("["), tok("]")
	s.at, s.minus, s.pipe, s.lbrace, s.rbrace, s.plus = tok("@"), tok("-"), tok("|"), tok("{"), tok("}"), tok("+")
	s.not, s.and, s.or, s.slash, s.percent, s.slashslash = tok("not"), tok("and"), tok("or"), tok("/"), tok("%"), tok("//")
	s.amp, s.caret, s.lshift, s.tilde, s.is = tok("&"), tok("^"), tok("<<"), tok("~"), tok("is")
	s.lt, s.le, s.eqeq, s.ne, s.ge, s.gt = tok("<"), tok("<="), tok("=="), tok("!="), tok(">="), tok(">")
	s.lambdaKw, s.yieldKw, s.backslash, s.awaitKw = tok("lambda"), tok("yield"), tok("\\"), tok("await")
	for i, op := range []string{"+=", "-=", "*=", "/=", "@=", "//=", "%=", "**=", ">>=", "<<=", "&=", "^=", "|="} {
		s.augOps[i] = tok(op)
	}
	s.binLevel = make([]uint8, len(tables.symbols)+1)
	for _, l := range []struct {
		sym   uint16
		level uint8
	}{
		{s.pipe, lvOr}, {s.caret, lvXor}, {s.amp, lvAnd}, {s.lshift, lvShift}, {s.rshift, lvShift},
		{s.plus, lvArith}, {s.minus, lvArith}, {s.star, lvTerm}, {s.slash, lvTerm}, {s.slashslash, lvTerm},
		{s.percent, lvTerm}, {s.at, lvTerm},
	} {
		s.binLevel[l.sym] = l.level
	}

	s.fAlias, s.fAlternative, s.fArgument, s.fArguments = field("alias"), field("alternative"), field("argument"), field("arguments")
	s.fAttribute, s.fBody, s.fCause, s.fCondition = field("attribute"), field("body"), field("cause"), field("condition")
	s.fConsequence, s.fDefinition, s.fExpression, s.fFormatSpecifier = field("consequence"), field("definition"), field("expression"), field("format_specifier")
	s.fFunction, s.fKey, s.fLeft, s.fModuleName, s.fName = field("function"), field("key"), field("left"), field("module_name"), field("name")
	s.fObject, s.fOperator, s.fOperators, s.fParameters = field("object"), field("operator"), field("operators"), field("parameters")
	s.fReturnType, s.fRight, s.fSubscript, s.fSuperclasses = field("return_type"), field("right"), field("subscript"), field("superclasses")
	s.fType, s.fTypeConversion, s.fValue = field("type"), field("type_conversion"), field("value")
	return s
}
