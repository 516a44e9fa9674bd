#include "cli/SchemaReference.h"

#include <fmt/format.h>

#include <algorithm>

#include "lsp/OneLine.h"

namespace jaws::cli {

namespace {

constexpr std::size_t kWhole = std::string::npos;  // oneLine without a cut

std::string sourceText(const SourceFile& file, Span span) { return lsp::oneLine(file.slice(span), kWhole); }

// `<stdlib>/schemas.jaws` as users know it.
std::string displayName(const std::string& path) {
  if (path.starts_with("<stdlib>/")) return "stdlib/" + path.substr(9);
  return path;
}

SchemaAttribute describeField(const SourceFile& file, const ast::Field& field) {
  SchemaAttribute a;
  a.name = field.name.text;
  a.optional = field.optional;
  a.type = sourceText(file, field.type->span);
  for (const auto& d : field.decorators) {
    if (d.name.text == "deployTime") {
      a.deployTime = true;
      continue;
    }
    a.constraints += (a.constraints.empty() ? "" : " ") + sourceText(file, d.span);
  }
  if (field.defaultValue) a.defaultValue = sourceText(file, field.defaultValue->span);
  a.description = lsp::oneLine(field.doc, kWhole);
  return a;
}

// A Markdown table cell: `|` would end it, and a line break the row.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string code(std::string_view text) { return text.empty() ? "" : "`" + cell(text) + "`"; }

}  // namespace

std::vector<SchemaDescription> describeStdlibTypes(Compilation& compilation) {
  std::vector<SchemaDescription> records, aliases;
  for (FileId id : compilation.stdlibFiles()) {
    const ast::SourceUnit* unit = compilation.syntaxTree(id);
    if (unit == nullptr) continue;
    const SourceFile& file = compilation.sources().file(id);
    for (const auto& decl : unit->decls) {
      if (decl->kind != ast::DeclKind::Type || !decl->name.valid()) continue;
      const auto& type = static_cast<const ast::TypeDecl&>(*decl);
      SchemaDescription schema;
      schema.name = type.name.text;
      schema.file = displayName(file.path());
      schema.description = lsp::oneLine(type.doc, kWhole);
      if (type.isAlias || type.type->kind != ast::TypeKind::Record) {
        schema.alias = sourceText(file, type.type->span);
        aliases.push_back(std::move(schema));
        continue;
      }
      for (const auto& field : static_cast<const ast::RecordType&>(*type.type).fields) {
        if (field.name.valid()) schema.attributes.push_back(describeField(file, field));
      }
      records.push_back(std::move(schema));
    }
  }
  for (auto& alias : aliases) records.push_back(std::move(alias));
  return records;
}

const SchemaDescription* findSchema(const std::vector<SchemaDescription>& schemas, std::string_view name) {
  auto lower = [](std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
  };
  for (const auto& schema : schemas) {
    if (lower(schema.name) == lower(name)) return &schema;
  }
  return nullptr;
}

std::string renderSchemaText(const SchemaDescription& schema) {
  std::string out = fmt::format("type {} ({})\n", schema.name, schema.file);
  if (!schema.description.empty()) out += "\n" + schema.description + "\n";
  if (!schema.alias.empty()) return out + fmt::format("\n{} = {}\n", schema.name, schema.alias);
  out += "\n";
  for (const auto& a : schema.attributes) {
    out += fmt::format("{}{}: {}", a.name, a.optional ? "?" : "", a.type);
    if (!a.constraints.empty()) out += " " + a.constraints;
    if (!a.defaultValue.empty()) out += " = " + a.defaultValue;
    out += "\n";
    std::string notes = a.description;
    if (a.required()) notes = "Required. " + notes;
    if (a.deployTime) notes += (notes.empty() ? "" : " ") + std::string("Accepts deploy-time values.");
    if (!notes.empty()) out += "    " + notes + "\n";
  }
  return out;
}

std::string renderSchemasMarkdown(const std::vector<SchemaDescription>& schemas) {
  std::string out;
  for (const auto& schema : schemas) {
    if (!schema.alias.empty()) continue;
    out += fmt::format("### {}\n\n", schema.name);
    if (!schema.description.empty()) out += schema.description + "\n\n";
    out += "| attribute | type | default | description |\n|---|---|---|---|\n";
    for (const auto& a : schema.attributes) {
      std::string type = code(a.type);
      if (!a.constraints.empty()) type += " " + code(a.constraints);
      std::string description = cell(a.description);
      if (a.deployTime) description += (description.empty() ? "" : " ") + std::string("Accepts deploy-time values.");
      out += fmt::format("| `{}{}` | {} | {} | {} |\n", a.name, a.optional ? "?" : "", type,
                         a.required() ? "required" : a.defaultValue.empty() ? "unset" : code(a.defaultValue), description);
    }
    out += "\n";
  }
  out += "### Vocabularies\n\n| type | what | values |\n|---|---|---|\n";
  for (const auto& schema : schemas) {
    if (schema.alias.empty()) continue;
    out += fmt::format("| `{}` | {} | {} |\n", schema.name, cell(schema.description), code(schema.alias));
  }
  return out;
}

}  // namespace jaws::cli
