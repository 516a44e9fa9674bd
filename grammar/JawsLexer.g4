// The tokens of the .jaws language (design §2).
//
// Strings with `${...}` interpolation are lexed with modes: a string pushes
// STRING_MODE, `${` pushes the default mode back, and the `}` that closes the
// interpolation pops it. The lexer counts braces so that objects inside an
// interpolation (`"${ {a = 1}.a }"`) do not close it early.
//
// Comments go to their own channel: the parser never sees them, but the AST
// builder keeps them (doc comments attach to declarations, the formatter keeps
// the rest). Characters that start no token go to the ERRORS channel so one
// stray character is one diagnostic, not a cascade of parser errors.
lexer grammar JawsLexer;

channels { COMMENTS, ERRORS }

// MISSING is never lexed: syntax/MissingPieces inserts it, zero-width, where
// a piece the user has not written yet is certainly missing (`memory =` with
// the next attribute on the next line).
tokens { INTERP_END, MISSING }

@lexer::members {
  // Brace depth at which each open interpolation started (innermost last).
  std::vector<int> interpolationDepths;
  int braceDepth = 0;
}

// Reserved words (design §2). Contextual keywords (HTTP methods, body, returns,
// path, query, header) are plain identifiers; the AST builder reads them.
IMPORT   : 'import';
PROJECT  : 'project';
PARAM    : 'param';
LET      : 'let';
STAGE    : 'stage';
TYPE     : 'type';
FUNCTION : 'function';
API      : 'api';
RESOURCE : 'resource';
OUTPUT   : 'output';
KW_TRUE  : 'true';
KW_FALSE : 'false';
KW_NULL  : 'null';

LBRACE   : '{' { ++braceDepth; };
RBRACE   : '}' {
  if (!interpolationDepths.empty() && interpolationDepths.back() == braceDepth) {
    interpolationDepths.pop_back();
    setType(INTERP_END);
    popMode();
  } else if (braceDepth > 0) {
    --braceDepth;
  }
};
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
LT       : '<';
GT       : '>';
COMMA    : ',';
SEMI     : ';';
COLON    : ':';
DOT      : '.';
AT       : '@';
ARROW    : '->';
EQ       : '==';
NEQ      : '!=';
ASSIGN   : '=';
BANG     : '!';
AND      : '&&';
OR       : '||';
PIPE     : '|';
QUESTION : '?';

// Numbers. A unit suffix makes a size or a duration; any other suffix is one
// BAD_NUMBER token so `10sec` is a single clear error. Rule order breaks ties.
SIZE       : '-'? DIGITS ('KB' | 'MB' | 'GB' | 'TB');
DURATION   : '-'? DIGITS ('ms' | 's' | 'm' | 'h' | 'd');
DECIMAL    : '-'? DIGITS '.' DIGITS;
INT        : '-'? DIGITS;
BAD_NUMBER : '-'? DIGITS ('.' DIGITS)? [A-Za-z_] [A-Za-z0-9_]*;

ID : [A-Za-z_] [A-Za-z0-9_]*;

// A route path is written bare (design §5). `/` is used nowhere else, and a
// comment (`//`, `/*`) is the longer match at the start of a token, so the two
// cannot clash. Inside a path, empty segments and a trailing `/` are lexed so
// the builder can report them precisely. A `-` belongs to the path only when a
// path character or `/` follows it, or when it is not the `-` of an arrow, so
// `GET /items/{id}->f` ends the path before `->` (`/items-x`, `/a-/b` and
// `/a-` stay paths).
ROUTE_PATH : '/' (PATH_CHARS ('-'* '/' PATH_CHARS?)*)? ('-' {_input->LA(1) != '>'}?)*;

DQUOTE : '"' -> pushMode(STRING_MODE);

DOC_COMMENT   : '///' ~[\r\n]*                -> channel(COMMENTS);
LINE_COMMENT  : '//' ~[\r\n]*                 -> channel(COMMENTS);
BLOCK_COMMENT : '/*' .*? '*/'                 -> channel(COMMENTS);
// A block comment that runs to the end of the file; it cannot contain `*/`.
UNTERMINATED_BLOCK_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF -> channel(ERRORS);

WS : [ \t\r\n\f\u000B]+ -> skip;
// A byte-order mark is ignored (design §2). The lexer reads bytes, not code
// points (see ByteCharStream), so the mark is its three UTF-8 bytes.
BOM : '\u00EF\u00BB\u00BF' -> skip;

// Characters that start no token, a run at a time: 10 MB of `#` is one token,
// not ten million (the parser facade still reports each character, up to the
// per-file limit). U+0001 also stands for every non-ASCII byte (ByteCharStream).
// `&` is not among them: `&&` is a token.
STRAY_CHARACTERS : [#$%^*+`~'\\\u0000-\u0008\u000E-\u001F\u007F]+ -> type(STRAY_CHARACTER), channel(ERRORS);
STRAY_CHARACTER : . -> channel(ERRORS);

fragment DIGITS       : [0-9]+;
fragment PATH_CHARS : '-'* PATH_CHAR ('-'* PATH_CHAR)*;
fragment PATH_CHAR  : [A-Za-z0-9._~+] | '{' | '}';

mode STRING_MODE;

STRING_TEXT   : ~["\\$\r\n]+;
STRING_ESCAPE : '\\' ('u{' [0-9A-Fa-f]* '}' | ~[\r\n]);
INTERP_START  : '${' { interpolationDepths.push_back(braceDepth); } -> pushMode(DEFAULT_MODE);
STRING_DOLLAR : '$';
DQUOTE_END    : '"' -> popMode;
// A line break ends an unterminated string; the builder reports it.
STRING_NEWLINE : ('\r\n' | '\r' | '\n') -> popMode;
// A lone backslash before a line break or the end of the file.
STRING_BAD_ESCAPE : '\\';
