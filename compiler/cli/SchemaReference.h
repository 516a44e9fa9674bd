#pragma once
// `jaws explain Function` and the attribute tables of docs/language.md
// (`jaws explain --markdown-schemas`): the standard library's `type`
// declarations described from their own source: each attribute's name, type,
// constraints, default and `///` text. Read at run time, so an attribute
// added to stdlib/*.jaws shows up with no change here.
#include <string>
#include <string_view>
#include <vector>

#include "driver/Compilation.h"

namespace jaws::cli {

struct SchemaAttribute {
  std::string name;
  bool optional = false;     // `name?:`
  bool deployTime = false;   // @deployTime: accepts values known only at deploy time
  std::string type;          // as written: `size`, `Region[]`, `bool | Cors`
  std::string constraints;   // the other decorators, as written: `@min(128MB) @max(10240MB)`
  std::string defaultValue;  // as written: `128MB`, `project.memory`; empty when none
  std::string description;   // the `///` text
  bool required() const { return !optional && defaultValue.empty(); }
};

struct SchemaDescription {
  std::string name;
  std::string file;         // `stdlib/schemas.jaws`
  std::string description;  // the `///` text of the declaration
  std::string alias;        // `type X = ...`: the type, on one line; empty for a record
  std::vector<SchemaAttribute> attributes;  // a record's, in order
};

// Every `type` of the compilation's standard library, records first, each
// group in the order of the files and of the declarations.
std::vector<SchemaDescription> describeStdlibTypes(Compilation& compilation);

// The type called `name`, matched without regard to case; null if none.
const SchemaDescription* findSchema(const std::vector<SchemaDescription>& schemas, std::string_view name);

// What `jaws explain NAME` prints for a type.
std::string renderSchemaText(const SchemaDescription& schema);

// The generated part of docs/language.md: a table per record, a line per alias.
std::string renderSchemasMarkdown(const std::vector<SchemaDescription>& schemas);

}  // namespace jaws::cli
