// The AST builder: exact spans, doc comments, contextual keywords, the shape
// of declarations, types and expressions.
#include <catch2/catch.hpp>

#include "support/Parsing.h"

using namespace jaws;
using jaws::test::codes;
using jaws::test::parseSource;

namespace {

template <typename T>
const T& declAs(const test::ParsedSource& parsed, std::string_view name, ast::DeclKind kind) {
  const ast::Decl* decl = parsed.decl(name);
  REQUIRE(decl != nullptr);
  REQUIRE(decl->kind == kind);
  return static_cast<const T&>(*decl);
}

}  // namespace

TEST_CASE("declaration spans run from the first decorator to the last token", "[parser][spans]") {
  const auto parsed = parseSource(
      "/// The token.\n"
      "@secure param apiToken: string = ssm(\"/t\")\n"
      "function f {\n"
      "  handler = \"src/f.main\"\n"
      "}\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& param = declAs<ast::ParamDecl>(parsed, "apiToken", ast::DeclKind::Param);
  CHECK(parsed.text(param.span) == "@secure param apiToken: string = ssm(\"/t\")");
  CHECK(parsed.text(param.keywordSpan) == "param");
  CHECK(parsed.text(param.name.span) == "apiToken");
  CHECK(parsed.at(param.name.span) == "2:15");
  CHECK(parsed.text(param.type->span) == "string");
  CHECK(parsed.text(param.defaultValue->span) == "ssm(\"/t\")");
  REQUIRE(param.decorators.size() == 1);
  CHECK(param.decorators[0].name.text == "secure");
  CHECK(parsed.text(param.decorators[0].span) == "@secure");

  const auto& f = declAs<ast::FunctionDecl>(parsed, "f", ast::DeclKind::Function);
  CHECK(parsed.text(f.span) == "function f {\n  handler = \"src/f.main\"\n}");
  CHECK(parsed.text(f.bodySpan) == "{\n  handler = \"src/f.main\"\n}");
  REQUIRE(f.attributes.size() == 1);
  CHECK(parsed.text(f.attributes[0].span) == "handler = \"src/f.main\"");
  CHECK(parsed.text(f.attributes[0].key.span) == "handler");
  CHECK(parsed.text(f.attributes[0].value->span) == "\"src/f.main\"");
  CHECK(parsed.at(f.attributes[0].value->span) == "4:13");
}

TEST_CASE("spans count columns in code points after non-ASCII text", "[parser][spans]") {
  const auto parsed = parseSource("let s = \"h\xC3\xA9llo \xE2\x98\x83\" let t = 1\n");
  REQUIRE(parsed.diagnostics().empty());
  const ast::Decl* t = parsed.decl("t");
  REQUIRE(t != nullptr);
  // `let s = "héllo ☃" ` is 18 code points, so `let t` starts at column 19.
  CHECK(parsed.at(t->span) == "1:19");
  CHECK(t->span.begin == 21);  // bytes: é and ☃ take 2 and 3
}

TEST_CASE("expression spans are exact", "[parser][spans]") {
  const auto parsed = parseSource("let x = stage == \"prod\" ? todos.arn : f(1, [2])\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& let = declAs<ast::LetDecl>(parsed, "x", ast::DeclKind::Let);
  REQUIRE(let.value->kind == ast::ExprKind::Conditional);
  const auto& c = static_cast<const ast::ConditionalExpr&>(*let.value);
  CHECK(parsed.text(c.span) == "stage == \"prod\" ? todos.arn : f(1, [2])");
  CHECK(parsed.text(c.condition->span) == "stage == \"prod\"");
  REQUIRE(c.whenTrue->kind == ast::ExprKind::Member);
  const auto& member = static_cast<const ast::MemberExpr&>(*c.whenTrue);
  CHECK(parsed.text(member.member.span) == "arn");
  CHECK(parsed.text(member.object->span) == "todos");
  REQUIRE(c.whenFalse->kind == ast::ExprKind::Call);
  const auto& call = static_cast<const ast::CallExpr&>(*c.whenFalse);
  REQUIRE(call.args.size() == 2);
  CHECK(parsed.text(call.args[1]->span) == "[2]");
}

TEST_CASE("operators: precedence and associativity", "[parser]") {
  const auto parsed = parseSource("let x = !a == b && c || d ? e : f ? g : h\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& let = declAs<ast::LetDecl>(parsed, "x", ast::DeclKind::Let);
  REQUIRE(let.value->kind == ast::ExprKind::Conditional);
  const auto& c = static_cast<const ast::ConditionalExpr&>(*let.value);
  // The condition is `(!a == b && c) || d`; the else branch nests to the right.
  REQUIRE(c.condition->kind == ast::ExprKind::Binary);
  CHECK(static_cast<const ast::BinaryExpr&>(*c.condition).op == ast::BinaryOp::Or);
  CHECK(parsed.text(c.whenFalse->span) == "f ? g : h");
  const auto& orLhs = static_cast<const ast::BinaryExpr&>(*static_cast<const ast::BinaryExpr&>(*c.condition).lhs);
  CHECK(orLhs.op == ast::BinaryOp::And);
  CHECK(parsed.text(orLhs.lhs->span) == "!a == b");
}

TEST_CASE("doc comments attach to declarations, attributes, fields and routes", "[parser][comments]") {
  const auto parsed = parseSource(
      "/// First line.\n"
      "///   Indented second line.\n"
      "function listTodos {\n"
      "  /// The entry point.\n"
      "  handler = \"src/todos.list\"\n"
      "}\n"
      "// an ordinary comment between\n"
      "/// Not attached: a plain comment follows.\n"
      "// plain\n"
      "let a = 1\n"
      "type Todo {\n"
      "  /// The id.\n"
      "  id: string\n"
      "}\n"
      "api todoApi {\n"
      "  /// Lists them.\n"
      "  GET /todos -> listTodos {\n"
      "    /// The page.\n"
      "    query page?: int\n"
      "    /// Found.\n"
      "    returns: Todo[]\n"
      "  }\n"
      "}\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& f = declAs<ast::FunctionDecl>(parsed, "listTodos", ast::DeclKind::Function);
  CHECK(f.doc == "First line.\n  Indented second line.");
  REQUIRE(f.attributes.size() == 1);
  CHECK(f.attributes[0].doc == "The entry point.");
  CHECK(declAs<ast::LetDecl>(parsed, "a", ast::DeclKind::Let).doc.empty());
  const auto& todo = declAs<ast::TypeDecl>(parsed, "Todo", ast::DeclKind::Type);
  REQUIRE(todo.type->kind == ast::TypeKind::Record);
  const auto& record = static_cast<const ast::RecordType&>(*todo.type);
  REQUIRE(record.fields.size() == 1);
  CHECK(record.fields[0].doc == "The id.");
  const auto& api = declAs<ast::ApiDecl>(parsed, "todoApi", ast::DeclKind::Api);
  REQUIRE(api.routes.size() == 1);
  CHECK(api.routes[0].doc == "Lists them.");
  REQUIRE(api.routes[0].parameters.size() == 1);
  CHECK(api.routes[0].parameters[0].doc == "The page.");
  REQUIRE(api.routes[0].responses.size() == 1);
  CHECK(api.routes[0].responses[0].doc == "Found.");
  // Every comment is kept for the formatter, attached or not.
  CHECK(parsed.unit().comments.size() == 10);
}

TEST_CASE("contextual keywords are ordinary names outside routes", "[parser][keywords]") {
  const auto parsed = parseSource(
      "type Request {\n"
      "  path: string\n"
      "  body?: string\n"
      "  query: map<string>\n"
      "  header: string\n"
      "  returns: int\n"
      "  GET: bool\n"
      "  type: string\n"
      "}\n"
      "function body { handler = \"src/b.main\" }\n"
      "let returns = body.path\n"
      "resource table: \"AWS::DynamoDB::Table\" { Type = \"x\", function = 1 }\n"
      "let s = stage\n"
      "let p = project.memory\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& request = declAs<ast::TypeDecl>(parsed, "Request", ast::DeclKind::Type);
  const auto& fields = static_cast<const ast::RecordType&>(*request.type).fields;
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f.name.text);
  CHECK(names == std::vector<std::string>{"path", "body", "query", "header", "returns", "GET", "type"});
  CHECK(fields[1].optional);
  CHECK(parsed.decl("body") != nullptr);
  const auto& returns = declAs<ast::LetDecl>(parsed, "returns", ast::DeclKind::Let);
  CHECK(returns.value->kind == ast::ExprKind::Member);
  const auto& table = declAs<ast::ResourceDecl>(parsed, "table", ast::DeclKind::Resource);
  CHECK(table.resourceType == "AWS::DynamoDB::Table");
  REQUIRE(table.attributes.size() == 2);
  CHECK(table.attributes[1].key.text == "function");
  CHECK(declAs<ast::LetDecl>(parsed, "s", ast::DeclKind::Let).value->kind == ast::ExprKind::Name);
  CHECK(declAs<ast::LetDecl>(parsed, "p", ast::DeclKind::Let).value->kind == ast::ExprKind::Member);
}

TEST_CASE("`stage` and `project` as values end an item; a declaration needs its `{`", "[parser][keywords]") {
  // `stage OTHER` is not a stage declaration: one is `stage NAME {`. Every list
  // form that stops at a declaration (blocks, objects, lists, records, routes).
  const auto parsed = parseSource(
      "project p {\n"
      "  env = {\n"
      "    STAGE = stage\n"
      "    OTHER = \"x\"\n"
      "  }\n"
      "  description = stage\n"
      "  version = \"1\"\n"
      "}\n"
      "let names = [\n"
      "  stage\n"
      "  project\n"
      "  \"x\"\n"
      "]\n"
      "let whole = project\n"
      "let after = 1\n"
      "function f {\n"
      "  handler = \"src/f.main\"\n"
      "  env = { P = project\n"
      "          Q = stage }\n"
      "}\n"
      "stage dev { }\n"
      "project q { }\n");
  REQUIRE(codes(parsed.diagnostics()).empty());
  const auto& project = declAs<ast::ProjectDecl>(parsed, "p", ast::DeclKind::Project);
  REQUIRE(project.attributes.size() == 3);
  const auto& env = static_cast<const ast::ObjectLiteral&>(*project.attributes[0].value);
  REQUIRE(env.entries.size() == 2);
  CHECK(env.entries[0].value->kind == ast::ExprKind::Name);
  CHECK(env.entries[1].key.text == "OTHER");
  CHECK(static_cast<const ast::ListLiteral&>(*declAs<ast::LetDecl>(parsed, "names", ast::DeclKind::Let).value).items.size() == 3);
  CHECK(parsed.decl("after") != nullptr);
  const auto& f = declAs<ast::FunctionDecl>(parsed, "f", ast::DeclKind::Function);
  CHECK(static_cast<const ast::ObjectLiteral&>(*f.attributes[1].value).entries.size() == 2);
  CHECK(parsed.decl("dev") != nullptr);
  CHECK(parsed.decl("q") != nullptr);
}

TEST_CASE("a missing `}` before `stage NAME {` and `project NAME {` is still one error", "[parser][recovery]") {
  const auto parsed = parseSource(
      "function f {\n"
      "  env = { A = stage\n"
      "stage dev { }\n"
      "let x = [project\n"
      "project p { }\n");
  CHECK(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1005", "JW1005"});
  CHECK(parsed.decl("dev") != nullptr);
  CHECK(parsed.decl("p") != nullptr);
}

TEST_CASE("every declaration form", "[parser]") {
  const auto parsed = parseSource(
      "import \"./shared.jaws\"\n"
      "project todo { memory = 256MB, timeout = 10s; regions = [\"us-east-1\"] }\n"
      "param tableName: string = \"todos-${stage}\"\n"
      "param required: int\n"
      "stage prod { tableName = \"todos\" }\n"
      "type Priority = \"low\" | \"normal\" | \"high\"\n"
      "type Page { items: Todo[], next?: string @minLength(1) = \"\" @deprecated }\n"
      "resource todos: \"AWS::DynamoDB::Table\" { BillingMode = \"PAY_PER_REQUEST\" }\n"
      "output url = todoApi.url\n");
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.unit().imports.size() == 1);
  CHECK(parsed.unit().imports[0].path == "./shared.jaws");
  CHECK(parsed.text(parsed.unit().imports[0].pathSpan) == "\"./shared.jaws\"");
  const auto& project = declAs<ast::ProjectDecl>(parsed, "todo", ast::DeclKind::Project);
  CHECK(project.attributes.size() == 3);
  CHECK(declAs<ast::ParamDecl>(parsed, "required", ast::DeclKind::Param).defaultValue == nullptr);
  const auto& priority = declAs<ast::TypeDecl>(parsed, "Priority", ast::DeclKind::Type);
  CHECK(priority.isAlias);
  REQUIRE(priority.type->kind == ast::TypeKind::Union);
  CHECK(static_cast<const ast::UnionType&>(*priority.type).members.size() == 3);
  const auto& page = declAs<ast::TypeDecl>(parsed, "Page", ast::DeclKind::Type);
  const auto& fields = static_cast<const ast::RecordType&>(*page.type).fields;
  REQUIRE(fields.size() == 2);
  CHECK(fields[0].type->kind == ast::TypeKind::List);
  CHECK(fields[1].optional);
  REQUIRE(fields[1].defaultValue != nullptr);
  REQUIRE(fields[1].decorators.size() == 2);
  CHECK(fields[1].decorators[0].name.text == "minLength");
  CHECK(fields[1].decorators[0].hasParens);
  CHECK(fields[1].decorators[1].name.text == "deprecated");
  CHECK(declAs<ast::OutputDecl>(parsed, "url", ast::DeclKind::Output).value->kind == ast::ExprKind::Member);
  CHECK(parsed.decl("todos") != nullptr);
  CHECK(parsed.decl("prod") != nullptr);
}

TEST_CASE("an import after a declaration is a warning, an interpolated one an error", "[parser]") {
  const auto parsed = parseSource("let d = \"x\"\nimport \"./a.jaws\"\nimport \"${d}/b.jaws\"\n");
  REQUIRE(codes(parsed.diagnostics()) == std::vector<std::string>{"JW1021", "JW1020", "JW1021"});
  CHECK(parsed.diagnostics()[0].severity == Severity::Warning);
  CHECK(parsed.at(parsed.diagnostics()[0].span) == "2:1");
  CHECK(parsed.at(parsed.diagnostics()[1].span) == "3:8");
  // The interpolated import is marked, so the driver does not follow it.
  REQUIRE(parsed.unit().imports.size() == 2);
  CHECK(parsed.unit().imports[0].path == "./a.jaws");
  CHECK_FALSE(parsed.unit().imports[0].interpolated);
  CHECK(parsed.unit().imports[1].interpolated);
}

TEST_CASE("types: lists, maps, records, literals and parentheses", "[parser][types]") {
  const auto parsed = parseSource("type T = (map<string[]> | { a: 3 | true })[]\n");
  REQUIRE(parsed.diagnostics().empty());
  const auto& t = declAs<ast::TypeDecl>(parsed, "T", ast::DeclKind::Type);
  REQUIRE(t.type->kind == ast::TypeKind::List);
  const auto& paren = *static_cast<const ast::ListType&>(*t.type).element;
  REQUIRE(paren.kind == ast::TypeKind::Paren);
  const auto& u = *static_cast<const ast::ParenType&>(paren).inner;
  REQUIRE(u.kind == ast::TypeKind::Union);
  const auto& members = static_cast<const ast::UnionType&>(u).members;
  REQUIRE(members.size() == 2);
  REQUIRE(members[0]->kind == ast::TypeKind::Named);
  const auto& map = static_cast<const ast::NamedType&>(*members[0]);
  CHECK(map.name.text == "map");
  CHECK(map.hasArgs);
  REQUIRE(map.args.size() == 1);
  CHECK(map.args[0]->kind == ast::TypeKind::List);
  CHECK(parsed.text(map.span) == "map<string[]>");
  REQUIRE(members[1]->kind == ast::TypeKind::Record);
}
