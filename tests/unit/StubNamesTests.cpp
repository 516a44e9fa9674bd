#include <catch2/catch.hpp>

#include "stubs/StubNames.h"

using namespace jaws::stubs;

TEST_CASE("stub names: case conversions", "[stubs]") {
  CHECK(camelCase("list-todos") == "listTodos");
  CHECK(camelCase("ListTodos") == "listTodos");
  CHECK(camelCase("HTTPServer") == "httpServer");
  CHECK(camelCase("2fa") == "_2fa");
  CHECK(snakeCase("listTodos") == "list_todos");
  CHECK(snakeCase("HTTPServer") == "http_server");
  CHECK(snakeCase("getItemV2") == "get_item_v2");
  CHECK(typeCase("adminGetTodo") == "AdminGetTodo");
  CHECK(typeCase("list_todos") == "ListTodos");
}

TEST_CASE("stub names: identifiers and reserved words", "[stubs]") {
  CHECK(isJsIdentifier("list"));
  CHECK(isJsIdentifier("$x"));
  CHECK_FALSE(isJsIdentifier("delete"));
  CHECK_FALSE(isJsIdentifier("my-handler"));
  CHECK(isPythonIdentifier("list"));
  CHECK_FALSE(isPythonIdentifier("pass"));
  CHECK_FALSE(isPythonIdentifier("$x"));
  CHECK(isPythonBuiltin("print"));
  CHECK(isTypeScriptReservedTypeName("object"));
  CHECK(isPythonReservedTypeName("TypedDict"));
}

TEST_CASE("stub names: text from the model stays inert", "[stubs]") {
  CHECK(quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
  CHECK(commentLines("one */ two\n\nthree\n") == std::vector<std::string>{"one *\\/ two", "", "three"});
  CHECK(docstringText("say \"\"\"hi\"\"\" \\o/") == "say \\\"\\\"\\\"hi\\\"\\\"\\\" \\\\o/");
  UniqueNames names;
  names.reserve("list");
  CHECK(names.claim("list", "Route") == "listRoute");
  CHECK(names.claim("list", "Route") == "listRoute2");
  CHECK(names.claim("get") == "get");
}
