// The syntax of the .jaws language (design §2-§7).
//
// Written so that every decision is LL(1) or LL(2): the parser runs in SLL mode
// first and only falls back to full LL when SLL fails. The grammar is
// deliberately permissive where a precise check gives a better message later:
// contextual keywords (HTTP methods, `body`, `returns`, `path`, ...) are
// identifiers here and are checked by the AST builder, decorators are accepted
// wherever one might stand, and route paths are validated segment by segment.
parser grammar JawsParser;

options {
  tokenVocab = JawsLexer;
  superClass = JawsParserBase;
  contextSuperClass = JawsContext;
}

@parser::header {
#include "syntax/JawsContext.h"
#include "syntax/JawsParserBase.h"
#include "syntax/TokenKinds.h"
}

// Error recovery for a missing closing bracket. A declaration keyword followed
// by a name (`function f`, `let x`, `stage dev {`, `import "..."`; see
// syntax/TokenKinds.h) never continues a block,
// record, object, list or route body, and a method followed by a path never
// continues a route body. The loops below stop there, so the one error is the
// missing bracket and the declarations after it still parse (without this, the
// keyword would be read as an attribute key and every line after it would be
// an error).
@parser::members {
  bool declarationAhead() { return jaws::syntax::startsDeclaration(_input->LA(1), _input->LA(2), _input->LA(3)); }
  bool routeAhead() { return jaws::syntax::startsRoute(_input->LA(1), _input->LA(2)); }
  // Whether the decorator ahead follows a param's type or default (JW1023)
  // rather than leading the next declaration. It trails when no declaration
  // follows its run of decorators (`@minLength(3) = "abc"`), or when it stands
  // on the line of the token before it and the declaration starts on a later
  // line (`param a: string @minLength(3)`, then `param b: int`). Decorators on
  // a line of their own, or on the declaration's line, lead it, which is
  // where the formatter puts them. The run is scanned once, not once per
  // decorator.
  bool decoratorTrails() {
    antlr4::Token* here = _input->LT(1);
    if (here->getTokenIndex() < runFrom_ || here->getTokenIndex() >= runTo_) {
      auto type = [this](size_t k) { return _input->LA(static_cast<ssize_t>(k)); };
      const std::optional<size_t> after = jaws::syntax::skipDecorators(type, 1);
      antlr4::Token* next = after ? _input->LT(static_cast<ssize_t>(*after)) : nullptr;
      runFrom_ = here->getTokenIndex();
      runTo_ = next ? next->getTokenIndex() : runFrom_ + 1;
      runLeads_ = after && jaws::syntax::startsDeclaration(type(*after), type(*after + 1), type(*after + 2));
      runNextLine_ = next ? next->getLine() : 0;
    }
    if (!runLeads_) return true;
    antlr4::Token* before = _input->LT(-1);
    return before != nullptr && before->getLine() == here->getLine() && runNextLine_ > here->getLine();
  }
  size_t runFrom_ = 0, runTo_ = 0, runNextLine_ = 0;
  bool runLeads_ = false;
}

sourceFile : topLevel* EOF;

topLevel
  : importDecl
  | declaration
  ;

importDecl : IMPORT stringLiteral;

declaration : decorator* declarationBody;

declarationBody
  : projectDecl
  | paramDecl
  | letDecl
  | stageDecl
  | typeDecl
  | functionDecl
  | apiDecl
  | resourceDecl
  | outputDecl
  ;

projectDecl  : PROJECT identifier block;
paramDecl    : PARAM identifier COLON typeExpr trailingDecorators? (ASSIGN expression trailingDecorators?)?;
letDecl      : LET identifier ASSIGN expression;
stageDecl    : STAGE identifier block;
typeDecl     : TYPE identifier (recordType | ASSIGN typeExpr);
functionDecl : FUNCTION identifier block;
apiDecl      : API identifier apiBody;
resourceDecl : RESOURCE identifier COLON stringLiteral block;
outputDecl   : OUTPUT identifier ASSIGN expression;

// Decorators after a param's type or default, where a field takes them. A
// param's decorators go before `param`; the builder reports these once, with
// a fix-it that moves them, and keeps them. Which decorators trail and which
// lead the next declaration: decoratorTrails() above.
trailingDecorators : ({decoratorTrails()}? decorator)+;

// ---- blocks -----------------------------------------------------------------

block : LBRACE ({!declarationAhead()}? attribute separator?)* RBRACE;

separator : COMMA | SEMI;

attribute : attributeKey ASSIGN expression;

attributeKey : anyName | stringLiteral;

apiBody : LBRACE ({!declarationAhead()}? apiMember separator?)* RBRACE;

apiMember
  : attribute
  | route
  ;

// `GET /todos/{id} -> getTodo { ... }`; the method is checked by the builder.
route : decorator* identifier ROUTE_PATH ARROW (identifier | MISSING) routeBody?;

routeBody : LBRACE ({!declarationAhead() && !routeAhead()}? routeItem separator?)* RBRACE;

// `path id: T`, `query q?: T`, `header "X-Id": T` (a keyword and a name) or
// `body: T`, `returns: T`, `returns 201: T` (a keyword and an optional status).
routeItem
  : identifier routeParamName QUESTION? COLON typeExpr decorator*  # routeParameter
  | identifier INT? COLON typeExpr decorator*                       # routeShape
  | attribute                                                                  # routeAttribute
  ;

routeParamName : anyName | stringLiteral;

// ---- types ------------------------------------------------------------------

typeExpr : typePostfix (PIPE typePostfix)*;

typePostfix : typePrimary (LBRACKET RBRACKET)*;

typePrimary
  : identifier (LT typeExpr GT)?    # namedType
  | stringLiteral                   # stringLiteralType
  | INT                             # intLiteralType
  | (KW_TRUE | KW_FALSE)                  # boolLiteralType
  | recordType                      # recordTypeRef
  | LPAREN typeExpr RPAREN          # parenType
  | MISSING                         # missingType
  ;

recordType : LBRACE ({!declarationAhead()}? field separator?)* RBRACE;

// Decorators follow the field's type or its default (`size @min(128MB) = 1GB`,
// `string = "x" @deprecated`); they never lead a field, so a decorator between
// two fields unambiguously belongs to the first.
field
  : anyName QUESTION? COLON typeExpr decorator* (ASSIGN expression decorator*)?
  ;

decorator : AT (anyName | MISSING) (LPAREN arguments? RPAREN)?;

// ---- expressions ------------------------------------------------------------

expression
  : primary                                                   # primaryExpr
  | expression DOT anyName                                    # memberExpr
  | expression LPAREN arguments? RPAREN                       # callExpr
  | BANG expression                                           # notExpr
  | expression op=(EQ | NEQ) expression                       # equalityExpr
  | expression AND expression                                 # andExpr
  | expression OR expression                                  # orExpr
  | <assoc=right> expression QUESTION expression COLON expression  # conditionalExpr
  ;

arguments : expression (COMMA expression)* COMMA?;

primary
  : INT                                   # intLiteral
  | DECIMAL                               # decimalLiteral
  | SIZE                                  # sizeLiteral
  | DURATION                              # durationLiteral
  | BAD_NUMBER                            # badNumberLiteral
  | (KW_TRUE | KW_FALSE)                        # boolLiteral
  | KW_NULL                                  # nullLiteral
  | stringLiteral                         # stringExpr
  | LBRACKET ({!declarationAhead()}? expression separator?)* RBRACKET   # listLiteral
  | LBRACE ({!declarationAhead()}? objectEntry separator?)* RBRACE      # objectLiteral
  | nameReference                         # nameExpr
  | LPAREN expression RPAREN              # parenExpr
  | MISSING                               # missingExpr
  ;

objectEntry : attributeKey ASSIGN expression;

stringLiteral
  : DQUOTE stringPart* (DQUOTE_END | STRING_NEWLINE)
  ;

stringPart
  : STRING_TEXT
  | STRING_ESCAPE
  | STRING_BAD_ESCAPE
  | STRING_DOLLAR
  | INTERP_START expression INTERP_END
  ;

// ---- names ------------------------------------------------------------------

identifier : ID;

// `stage` and `project` are reserved as declaration keywords but are also the
// builtins for the current stage and the project block (design §7).
nameReference : ID | STAGE | PROJECT;

// Where a name cannot be confused with a declaration (attribute keys, fields,
// members, decorators), reserved words are allowed too: `Type = "..."` in a
// resource, `x.type`.
anyName
  : ID | IMPORT | PROJECT | PARAM | LET | STAGE | TYPE | FUNCTION | API
  | RESOURCE | OUTPUT | KW_TRUE | KW_FALSE | KW_NULL
  ;
