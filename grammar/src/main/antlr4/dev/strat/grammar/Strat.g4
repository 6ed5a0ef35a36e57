/*
 * The grammar of .strat files.
 *
 * Layout is free: newlines and indentation are ignored by the parser. Every construct ends where
 * the next token cannot continue it (lists continue only after ',', pipelines only at '|',
 * expressions only at an operator), so
 *     strategy s =
 *         agent td3(...)
 *       | risk barrier(...)
 * and "models hc = [...]\n + [...]" need no line-continuation marks.
 *
 * Declaration keywords (market, capital, goal, ...) are keywords only when they are the first
 * token on their line; dev.strat.lang.parse.Parser retypes them to ID everywhere else, so that
 * "goal wealth >= 1.25 * capital at horizon" and "reward=goal(alpha=1)" read them as names.
 * Market words (symbols, classes, features, cash, synthetic) and 'rolling' are soft keywords admitted by
 * 'identifier'. Every other keyword may be used as an argument name ("risk=cdar", "on=close")
 * and as a word value inside an argument list ("f(data=train)").
 *
 * The lexer never fails: malformed numbers, unterminated strings and unknown characters become
 * BAD_NUMBER, UNTERMINATED_STRING and ERROR_CHAR tokens that the parse pass reports with a clear
 * message before parsing.
 */
grammar Strat;

// ---------------------------------------------------------------- declarations

program : decl* EOF ;

decl
    : importDecl
    | marketDecl
    | costsDecl
    | capitalDecl
    | splitDecl
    | strategyDecl
    | modelsDecl
    | scenariosDecl
    | goalDecl
    | experimentDecl
    | backtestDecl
    | functionDecl
    | allowDecl
    ;

// 'import "x.strat"' reads definitions; 'import js "signals.js"' reads guest code that 'function'
// declarations without a block of their own take their function from.
importDecl     : IMPORT identifier? STRING ;
marketDecl     : MARKET identifier ASSIGN marketSource (PLUS marketSource)* marketClause* ;
costsDecl      : COSTS setting (COMMA setting)* ;
capitalDecl    : CAPITAL expr ;
splitDecl      : SPLIT identifier ASSIGN splitBody ;
strategyDecl   : STRATEGY identifier strategyParams? ASSIGN pipeline ;
modelsDecl     : MODELS identifier ASSIGN expr ;
scenariosDecl  : SCENARIOS identifier ASSIGN call ;
goalDecl       : GOAL expr AT expr ;
experimentDecl : EXPERIMENT identifier ON identifier experimentSplit? LBRACE (experimentItem | SEMI)* RBRACE ;
backtestDecl   : BACKTEST backtestPipeline ON identifier experimentSplit? ;

// 'function allocator mom(lookback: bars = 60 in 2..500) = js """ ...code... """': a user function
// with its role, typed parameters (default after '=', range after 'in') and its language; without a
// block its code comes from an 'import js' file.
functionDecl  : FUNCTION identifier identifier LPAREN (functionParam (COMMA functionParam)* COMMA?)? RPAREN ASSIGN identifier BLOCK_STRING? ;
functionParam : identifier COLON identifier (ASSIGN expr)? (IN expr)? ;

// 'strategy ripo(m = 0.8, v = 0.005) = ...': parameters with defaults, bound by name at a use site
// ('ripo(m=0.4)'); a parameter without a default parses, so that the checker can say it needs one.
strategyParams : LPAREN (strategyParam (COMMA strategyParam)* COMMA?)? RPAREN ;
strategyParam  : identifier (ASSIGN expr)? ;

// 'allow read "dir"': the one way a user function may open anything.
allowDecl     : ALLOW identifier STRING ;

// In "backtest s on m" the 'on' introduces the market, so a backtest's stages take every clause
// but 'on'; with it the choice would need unbounded lookahead and would misread "on m".
backtestPipeline : backtestStage (PIPE backtestStage)* ;
backtestStage    : stageKind? stageTarget backtestClause* stageBlock? ;
backtestClause   : (EVERY | OVER | BY | TRAIN) expr ;

// ---------------------------------------------------------------- markets

marketSource
    : SYNTHETIC call      # syntheticSource
    | CASH                # cashSource
    | call                # fileSource
    ;

marketClause
    : SYMBOLS identifier (COMMA identifier)*         # symbolsClause
    | CLASSES assetClass (COMMA assetClass)*         # classesClause
    | FEATURES expr (COMMA expr)*                    # featuresClause
    ;

assetClass : identifier COLON LBRACK (identifier (COMMA identifier)* COMMA?)? RBRACK ;

// ---------------------------------------------------------------- settings and splits

setting : identifier expr ;

splitBody
    : splitPart (COMMA splitPart)*   # fixedSplit
    | call                           # rollingSplit
    ;

splitPart : splitRole expr ;
splitRole : identifier | TRAIN ;

// 'rolling' is a soft keyword so that only 'rolling(...)' can follow 'on MARKET': any other call
// there belongs to what follows (in the REPL, "backtest s on m" may be followed by a line that
// starts with a call), and the decision stays LL(1).
experimentSplit
    : SPLIT identifier                        # namedSplit
    | SPLIT splitPart (COMMA splitPart)*      # inlineSplit
    | rollingCall                             # rollingInline
    ;

rollingCall : ROLLING LPAREN (arg (COMMA arg)* COMMA?)? RPAREN ;

experimentItem
    : COMPARE compareEntry (COMMA compareEntry)*    # compareItem
    | identifier expr (COMMA expr)*                 # optionItem
    ;

// A sweep, '[ripo(m=x) for x in 0, 0.4, 0.8]', compares one entry per value; several 'for' parts
// ('[ripo(m=x, v=y) for x in 0, 0.8 for y in 0.005, 0.5]') compare every combination.
compareEntry
    : (identifier ASSIGN)? pipeline
    | LBRACK pipeline comprehensionTail+ RBRACK
    ;

// ---------------------------------------------------------------- pipelines

pipeline : stage (PIPE stage)* ;

stage : stageKind? stageTarget stageClause* stageBlock? ;

stageKind : AGENT | MODEL | RISK | ADAPT | SELECT | SWITCH | BLEND | HIERARCHY ;

stageTarget
    : call                                # callTarget
    | identifier (DOT identifier)*        # nameTarget
    ;

stageClause : clauseKeyword expr ;

clauseKeyword : EVERY | OVER | BY | TRAIN | ON ;

stageBlock : LBRACE (blockPart | SEMI)* RBRACE ;

blockPart : identifier expr stageClause* ;

// ---------------------------------------------------------------- expressions

expr : comparison ;

comparison : rangeExpr (compareOp rangeExpr)? ;

compareOp : LT | LE | GT | GE | EQEQ | NEQ ;

rangeExpr
    : additive (DOTDOT additive?)?     # rangeFrom
    | DOTDOT additive                  # rangeTo
    ;

additive : multiplicative (addOp multiplicative)* ;
addOp : PLUS | MINUS ;

multiplicative : unary (mulOp unary)* ;
mulOp : STAR | SLASH ;

unary
    : MINUS unary          # negate
    | postfix              # plain
    ;

postfix : primary (DOT identifier)* ;

primary
    : NUMBER                                                           # numberLit
    | LENGTH                                                           # lengthLit
    | DATE                                                             # dateLit
    | STRING                                                           # stringLit
    | (TRUE | FALSE)                                                   # boolLit
    | call                                                             # callExpr
    | identifier                                                       # nameExpr
    | LBRACK (listItem (comprehensionTail | (COMMA listItem)* COMMA?))? RBRACK  # listExpr
    | LPAREN expr RPAREN                                               # parenExpr
    ;

// A list item may carry stage clauses, so that a pool member has its own schedule:
// "[hrp(window=w) every 24h for w in [30, 60]]". Only pools accept them; the checker says so elsewhere.
listItem : expr stageClause* ;

// '[x for v in a, b]'; factored into the list rule so that telling a list from a comprehension
// needs one token of lookahead, not a scan over the whole first element.
comprehensionTail : FOR identifier IN expr (COMMA expr)* ;

call : identifier LPAREN (arg (COMMA arg)* COMMA?)? RPAREN ;

// Inside an argument list a keyword cannot start anything, so it may also be a word value:
// "f(data=train)", "g(mode=on)".
arg : (argName ASSIGN)? (expr | wordValue) ;

wordValue
    : SPLIT | AGENT | MODEL | RISK | ADAPT | SELECT | SWITCH | BLEND | HIERARCHY | EVERY | OVER | BY | TRAIN
    | ON | AT | FOR | IN | COMPARE
    ;

argName : identifier | keyword ;

identifier : ID | SYMBOLS | CLASSES | FEATURES | CASH | SYNTHETIC | ROLLING ;

// Declaration keywords are missing on purpose: one that starts a line always starts a declaration
// (elsewhere it has been retyped to ID), which keeps error recovery reliable.
keyword
    : SPLIT | AGENT | MODEL | RISK | ADAPT | SELECT | SWITCH | BLEND | HIERARCHY | EVERY | OVER
    | BY | TRAIN | ON | AT | FOR | IN | COMPARE | TRUE | FALSE
    ;

// ---------------------------------------------------------------- lexer

IMPORT     : 'import' ;
MARKET     : 'market' ;
COSTS      : 'costs' ;
CAPITAL    : 'capital' ;
SPLIT      : 'split' ;
STRATEGY   : 'strategy' ;
MODELS     : 'models' ;
SCENARIOS  : 'scenarios' ;
GOAL       : 'goal' ;
EXPERIMENT : 'experiment' ;
BACKTEST   : 'backtest' ;
FUNCTION   : 'function' ;
ALLOW      : 'allow' ;

SYMBOLS    : 'symbols' ;
CLASSES    : 'classes' ;
FEATURES   : 'features' ;
CASH       : 'cash' ;
SYNTHETIC  : 'synthetic' ;
ROLLING    : 'rolling' ;

AGENT      : 'agent' ;
MODEL      : 'model' ;
RISK       : 'risk' ;
ADAPT      : 'adapt' ;
SELECT     : 'select' ;
SWITCH     : 'switch' ;
BLEND      : 'blend' ;
HIERARCHY  : 'hierarchy' ;

EVERY      : 'every' ;
OVER       : 'over' ;
BY         : 'by' ;
TRAIN      : 'train' ;
ON         : 'on' ;

AT         : 'at' ;
FOR        : 'for' ;
IN         : 'in' ;
COMPARE    : 'compare' ;
TRUE       : 'true' ;
FALSE      : 'false' ;

// 2021-06-30 or 2021-06; longer than the INT it starts with, so it wins.
DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT ('-' DIGIT DIGIT)? ;

// 21d 1h 5w 1mo 2y: listed before BAD_NUMBER so that equal-length matches lex as lengths.
LENGTH : DIGITS ('h' | 'd' | 'w' | 'mo' | 'y') ;

// 1_000_000 0.25% 1e-3 1.5e6 30% 10bp; '2015..2017' lexes as NUMBER DOTDOT NUMBER because a '.'
// must be followed by a digit to start a fraction. 'bp' (basis points, 10bp = 0.1%) is listed
// before BAD_NUMBER, so the equal-length match lexes as a number.
NUMBER : DIGITS ('.' DIGITS)? EXPONENT? ('%' | 'bp')? ;

// 12abc, 1.2.3, 3.5x: reported as a malformed number (longest match beats NUMBER + ID).
BAD_NUMBER
    : DIGITS ('.' DIGITS)* ('.' DIGITS) ('.' DIGITS)+
    | DIGITS ('.' DIGITS)* [a-zA-Z_] [a-zA-Z0-9_]*
    ;

// A triple-quoted block of guest code; longer than the STRING '""' it starts with, so it wins.
BLOCK_STRING : '"""' .*? '"""' ;

STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;

ID : [a-zA-Z_] [a-zA-Z0-9_]* ;

DOTDOT   : '..' ;
DOT      : '.' ;
COMMA    : ',' ;
COLON    : ':' ;
SEMI     : ';' ;
PIPE     : '|' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LE       : '<=' ;
GE       : '>=' ;
EQEQ     : '==' ;
NEQ      : '!=' ;
LT       : '<' ;
GT       : '>' ;
ASSIGN   : '=' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n\f\uFEFF]+ -> channel(HIDDEN) ;   // U+FEFF: a byte-order mark some editors write

// Anything else: one unknown character, reported by the parse pass.
ERROR_CHAR : . ;

fragment DIGIT    : [0-9] ;
fragment DIGITS   : DIGIT (DIGIT | '_')* ;
fragment EXPONENT : [eE] [+-]? DIGIT+ ;
