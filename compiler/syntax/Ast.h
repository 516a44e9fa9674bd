#pragma once
// The owned syntax tree of one .jaws file. Built from ANTLR's parse tree by
// AstBuilder; nothing outside compiler/syntax/ sees ANTLR types. Every node has
// an exact byte span. Parts a broken file lacks are Error nodes or invalid
// identifiers, never nulls the rest of the compiler must guess about: an
// ExprPtr or TypePtr is always set.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source/Span.h"

namespace jaws::ast {

struct Identifier {
  std::string text;  // empty when the source lacks the name (a syntax error)
  Span span;
  bool valid() const { return !text.empty(); }
};

struct Comment {
  enum class Kind : std::uint8_t { Line, Block, Doc };
  Kind kind;
  Span span;
};

// ---- expressions -------------------------------------------------------------

enum class ExprKind : std::uint8_t {
  Error, Int, Decimal, Size, Duration, Bool, Null, String, List, Object,
  Name, Member, Call, Not, Binary, Conditional, Paren,
};

struct Expr {
  const ExprKind kind;
  Span span;
  virtual ~Expr() = default;

 protected:
  Expr(ExprKind k, Span s) : kind(k), span(s) {}
};
using ExprPtr = std::unique_ptr<Expr>;

struct ErrorExpr final : Expr {
  explicit ErrorExpr(Span s) : Expr(ExprKind::Error, s) {}
};
struct IntLiteral final : Expr {
  IntLiteral(Span s, std::int64_t v) : Expr(ExprKind::Int, s), value(v) {}
  std::int64_t value;
};
struct DecimalLiteral final : Expr {
  DecimalLiteral(Span s, double v) : Expr(ExprKind::Decimal, s), value(v) {}
  double value;
};
struct SizeLiteral final : Expr {
  SizeLiteral(Span s, std::int64_t b) : Expr(ExprKind::Size, s), bytes(b) {}
  std::int64_t bytes;  // 1KB = 1024 bytes
};
struct DurationLiteral final : Expr {
  DurationLiteral(Span s, std::int64_t ms) : Expr(ExprKind::Duration, s), milliseconds(ms) {}
  std::int64_t milliseconds;
};
struct BoolLiteral final : Expr {
  BoolLiteral(Span s, bool v) : Expr(ExprKind::Bool, s), value(v) {}
  bool value;
};
struct NullLiteral final : Expr {
  explicit NullLiteral(Span s) : Expr(ExprKind::Null, s) {}
};

// A string is a sequence of text (escapes decoded) and `${expr}` parts.
struct StringPart {
  std::string text;  // for text parts
  ExprPtr expr;      // set for interpolations
  Span span;
  bool isInterpolation() const { return expr != nullptr; }
};
struct StringLiteral final : Expr {
  explicit StringLiteral(Span s) : Expr(ExprKind::String, s) {}
  std::vector<StringPart> parts;
  bool terminated = true;
  bool isPlain() const;         // no interpolation
  std::string plainText() const;  // the text parts joined
};

struct ListLiteral final : Expr {
  explicit ListLiteral(Span s) : Expr(ExprKind::List, s) {}
  std::vector<ExprPtr> items;
};

struct ObjectEntry {
  Identifier key;  // a quoted key holds its decoded text
  bool quotedKey = false;
  ExprPtr value;
  Span span;
};
struct ObjectLiteral final : Expr {
  explicit ObjectLiteral(Span s) : Expr(ExprKind::Object, s) {}
  std::vector<ObjectEntry> entries;
};

struct NameExpr final : Expr {
  NameExpr(Span s, Identifier n) : Expr(ExprKind::Name, s), name(std::move(n)) {}
  Identifier name;
};
struct MemberExpr final : Expr {
  MemberExpr(Span s, ExprPtr o, Identifier m) : Expr(ExprKind::Member, s), object(std::move(o)), member(std::move(m)) {}
  ExprPtr object;
  Identifier member;
};
struct CallExpr final : Expr {
  CallExpr(Span s, ExprPtr c) : Expr(ExprKind::Call, s), callee(std::move(c)) {}
  ExprPtr callee;
  std::vector<ExprPtr> args;
};
struct NotExpr final : Expr {
  NotExpr(Span s, ExprPtr o) : Expr(ExprKind::Not, s), operand(std::move(o)) {}
  ExprPtr operand;
};

enum class BinaryOp : std::uint8_t { Equal, NotEqual, And, Or };
const char* binaryOpText(BinaryOp op);

struct BinaryExpr final : Expr {
  BinaryExpr(Span s, BinaryOp o, ExprPtr l, ExprPtr r)
      : Expr(ExprKind::Binary, s), op(o), lhs(std::move(l)), rhs(std::move(r)) {}
  BinaryOp op;
  ExprPtr lhs, rhs;
};
struct ConditionalExpr final : Expr {
  ConditionalExpr(Span s, ExprPtr c, ExprPtr t, ExprPtr e)
      : Expr(ExprKind::Conditional, s), condition(std::move(c)), whenTrue(std::move(t)), whenFalse(std::move(e)) {}
  ExprPtr condition, whenTrue, whenFalse;
};
struct ParenExpr final : Expr {
  ParenExpr(Span s, ExprPtr i) : Expr(ExprKind::Paren, s), inner(std::move(i)) {}
  ExprPtr inner;
};

// ---- types -----------------------------------------------------------------------

enum class TypeKind : std::uint8_t { Error, Named, StringLiteral, IntLiteral, BoolLiteral, Union, List, Record, Paren };

struct TypeExpr {
  const TypeKind kind;
  Span span;
  virtual ~TypeExpr() = default;

 protected:
  TypeExpr(TypeKind k, Span s) : kind(k), span(s) {}
};
using TypePtr = std::unique_ptr<TypeExpr>;

struct Decorator {
  Identifier name;
  std::vector<ExprPtr> args;
  bool hasParens = false;
  Span span;
};

struct ErrorType final : TypeExpr {
  explicit ErrorType(Span s) : TypeExpr(TypeKind::Error, s) {}
};
// `string`, `Todo`, `map<string>`.
struct NamedType final : TypeExpr {
  NamedType(Span s, Identifier n) : TypeExpr(TypeKind::Named, s), name(std::move(n)) {}
  Identifier name;
  std::vector<TypePtr> args;
  bool hasArgs = false;
};
struct StringLiteralType final : TypeExpr {
  StringLiteralType(Span s, std::string v) : TypeExpr(TypeKind::StringLiteral, s), value(std::move(v)) {}
  std::string value;
};
struct IntLiteralType final : TypeExpr {
  IntLiteralType(Span s, std::int64_t v) : TypeExpr(TypeKind::IntLiteral, s), value(v) {}
  std::int64_t value;
};
struct BoolLiteralType final : TypeExpr {
  BoolLiteralType(Span s, bool v) : TypeExpr(TypeKind::BoolLiteral, s), value(v) {}
  bool value;
};
struct UnionType final : TypeExpr {
  explicit UnionType(Span s) : TypeExpr(TypeKind::Union, s) {}
  std::vector<TypePtr> members;
};
struct ListType final : TypeExpr {
  ListType(Span s, TypePtr e) : TypeExpr(TypeKind::List, s), element(std::move(e)) {}
  TypePtr element;
};

struct Field {
  Identifier name;
  bool optional = false;
  TypePtr type;
  ExprPtr defaultValue;  // null when the field has none
  std::vector<Decorator> decorators;
  std::string doc;
  Span span;
};
struct RecordType final : TypeExpr {
  explicit RecordType(Span s) : TypeExpr(TypeKind::Record, s) {}
  std::vector<Field> fields;
};
struct ParenType final : TypeExpr {
  ParenType(Span s, TypePtr i) : TypeExpr(TypeKind::Paren, s), inner(std::move(i)) {}
  TypePtr inner;
};

// ---- blocks and routes ------------------------------------------------------

struct Attribute {
  Identifier key;
  bool quotedKey = false;
  ExprPtr value;
  std::string doc;
  Span span;
};

enum class HttpMethod : std::uint8_t { Get, Post, Put, Patch, Delete, Head, Options, Any };
const char* httpMethodText(HttpMethod method);
std::optional<HttpMethod> parseHttpMethod(std::string_view text);

struct PathSegment {
  enum class Kind : std::uint8_t { Literal, Parameter, Greedy };
  Kind kind;
  std::string text;  // the literal text, or the parameter's name
  Span span;
};

struct RoutePath {
  std::string text;  // as written, e.g. "/todos/{id}"
  std::vector<PathSegment> segments;
  Span span;
  bool valid = true;
};

enum class ParamLocation : std::uint8_t { Path, Query, Header };
const char* paramLocationText(ParamLocation where);

struct RouteParameter {
  ParamLocation where;
  Identifier name;  // a quoted name holds its text: header "X-Id"
  bool optional = false;
  TypePtr type;
  std::vector<Decorator> decorators;
  std::string doc;
  Span span;
};

struct RouteBody {
  TypePtr type;
  std::vector<Decorator> decorators;
  Span span;
};

struct RouteResponse {
  std::optional<int> status;  // none means 200
  Span statusSpan;
  TypePtr type;
  std::vector<Decorator> decorators;
  std::string doc;
  Span span;
};

struct Route {
  std::vector<Decorator> decorators;
  std::string doc;
  std::optional<HttpMethod> method;  // none when the method is unknown
  Identifier methodName;
  RoutePath path;
  Identifier target;
  std::vector<RouteParameter> parameters;
  std::vector<RouteBody> bodies;  // more than one is a semantic error
  std::vector<RouteResponse> responses;
  std::vector<Attribute> attributes;
  bool hasBraces = false;
  Span span;
};

// ---- declarations -------------------------------------------------------------

enum class DeclKind : std::uint8_t { Project, Param, Let, Stage, Type, Function, Api, Resource, Output };
const char* declKindKeyword(DeclKind kind);

struct Decl {
  const DeclKind kind;
  Identifier name;
  std::vector<Decorator> decorators;
  std::string doc;  // the `///` lines before it, without the slashes
  Span span;        // from the first decorator or keyword to the end
  Span keywordSpan;
  virtual ~Decl() = default;

 protected:
  explicit Decl(DeclKind k) : kind(k) {}
};
using DeclPtr = std::unique_ptr<Decl>;

// project, stage and function: a name and a block of attributes.
struct BlockDecl : Decl {
  std::vector<Attribute> attributes;
  Span bodySpan;

 protected:
  using Decl::Decl;
};
struct ProjectDecl final : BlockDecl {
  ProjectDecl() : BlockDecl(DeclKind::Project) {}
};
struct StageDecl final : BlockDecl {
  StageDecl() : BlockDecl(DeclKind::Stage) {}
};
struct FunctionDecl final : BlockDecl {
  FunctionDecl() : BlockDecl(DeclKind::Function) {}
};
struct ApiDecl final : BlockDecl {
  ApiDecl() : BlockDecl(DeclKind::Api) {}
  std::vector<Route> routes;
};
struct ResourceDecl final : BlockDecl {
  ResourceDecl() : BlockDecl(DeclKind::Resource) {}
  std::string resourceType;  // "AWS::DynamoDB::Table"
  Span resourceTypeSpan;
};
struct ParamDecl final : Decl {
  ParamDecl() : Decl(DeclKind::Param) {}
  TypePtr type;
  ExprPtr defaultValue;  // null when there is none
};
struct LetDecl final : Decl {
  LetDecl() : Decl(DeclKind::Let) {}
  ExprPtr value;
};
struct TypeDecl final : Decl {
  TypeDecl() : Decl(DeclKind::Type) {}
  TypePtr type;  // a RecordType for `type X { ... }`
  bool isAlias = false;
};
struct OutputDecl final : Decl {
  OutputDecl() : Decl(DeclKind::Output) {}
  ExprPtr value;
};

struct ImportDecl {
  std::string path;  // the decoded string
  bool interpolated = false;
  Span pathSpan;
  Span span;
};

// One parsed file.
struct SourceUnit {
  FileId file = kNoFile;
  std::vector<ImportDecl> imports;
  std::vector<DeclPtr> decls;
  std::vector<Comment> comments;
  // False when the file was not parsed (invalid UTF-8) or only up to a nesting
  // limit: the part that is missing may hold the project or a stage.
  bool complete = true;
};

}  // namespace jaws::ast
