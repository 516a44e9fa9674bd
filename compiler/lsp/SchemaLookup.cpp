#include "lsp/SchemaLookup.h"

#include <algorithm>

namespace jaws::lsp {

using Kind = sema::Type::Kind;

sema::TypePtr blockSchema(sema::TypeResolver& types, ast::DeclKind decl, bool inRoute) {
  switch (decl) {
    case ast::DeclKind::Project: return types.schema("Project");
    case ast::DeclKind::Stage: return types.schema("Stage");
    case ast::DeclKind::Function: return types.schema("Function");
    case ast::DeclKind::Api: return types.schema(inRoute ? "Route" : "Api");
    default: return nullptr;
  }
}

const sema::Type* recordOf(const sema::Type& type) {
  if (type.kind == Kind::Record || type.kind == Kind::Map) return &type;
  if (type.kind != Kind::Union) return nullptr;
  const sema::Type* found = nullptr;
  for (const auto& m : type.members) {
    if (const sema::Type* r = recordOf(*m)) {
      if (found) return nullptr;  // ambiguous: `CognitoAuth | LambdaAuth`
      found = r;
    }
  }
  return found;
}

const sema::Type* listElementOf(const sema::Type& type) {
  if (type.kind == Kind::List) return type.element.get();
  if (type.kind != Kind::Union) return nullptr;
  for (const auto& m : type.members) {
    if (m->kind == Kind::List) return m->element.get();
  }
  return nullptr;
}

FieldAt fieldAtPath(const sema::Type& schema, const std::vector<std::string>& path) {
  FieldAt at;
  const sema::Type* current = &schema;
  for (const std::string& key : path) {
    if (!current) return {};
    const sema::Type* record = recordOf(*current);
    if (!record) {
      // `[{ ... }]`: a list of records.
      if (const sema::Type* element = listElementOf(*current)) record = recordOf(*element);
    }
    if (!record) return {};
    if (record->kind == Kind::Map) {
      at = FieldAt{record->element.get(), nullptr};
    } else if (const sema::FieldType* field = record->field(key)) {
      at = FieldAt{field->type.get(), field};
    } else {
      return {};
    }
    current = at.type;
  }
  return at;
}

sema::TypePtr eventOptionsSchema(sema::TypeResolver& types, const sema::Program& program, const std::string& callee,
                                 std::size_t argument) {
  // Every event builtin takes its options second: `sqs(jobs, { ... })`, `rule({ ... }, { ... })`.
  auto it = program.eventBuiltins().find(callee);
  if (argument != 1 || it == program.eventBuiltins().end() || program.lookup(callee)->kind != sema::SymbolKind::Builtin) {
    return nullptr;
  }
  return types.schema(it->second.options);
}

std::string eventBuiltinDoc(const sema::Program& program, const sema::EventBuiltinInfo& info) {
  std::string out;
  if (auto record = program.stdlibTypes.find(info.record); record != program.stdlibTypes.end()) {
    for (char c : record->second->doc) out += c == '\n' ? ' ' : c;
  }
  auto options = program.stdlibTypes.find(info.options);
  if (options == program.stdlibTypes.end() || options->second->type->kind != ast::TypeKind::Record) return out;
  std::string keys;
  for (const auto& field : static_cast<const ast::RecordType&>(*options->second->type).fields) {
    keys += (keys.empty() ? "" : ", ") + ("`" + field.name.text + "`");
  }
  return out + (keys.empty() ? "" : "\n\nOptions: " + keys + ".");
}

std::vector<std::string> allowedStrings(const sema::Type& type) {
  std::vector<std::string> out = type.stringLiterals();
  if (type.kind == Kind::List && type.element) out = allowedStrings(*type.element);
  if (type.kind == Kind::Union) {
    for (const auto& m : type.members) {
      if (m->kind == Kind::List || m->kind == Kind::Union) {
        for (auto& s : allowedStrings(*m)) {
          if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
        }
      }
    }
  }
  return out;
}

}  // namespace jaws::lsp
