#include "lsp/CompletionItems.h"

#include <algorithm>

#include "cfnspec/ResourceSpec.h"
#include "cfnspec/ShapePaths.h"
#include "lsp/OneLine.h"
#include "lsp/SchemaLookup.h"
#include "lsp/Vocabulary.h"
#include "sema/Evaluator.h"

namespace jaws::lsp {

namespace {

std::string trimmedDoc(const std::string& doc) {
  std::string out;
  for (std::size_t start = 0; start <= doc.size();) {
    std::size_t end = doc.find('\n', start);
    if (end == std::string::npos) end = doc.size();
    std::string_view line = std::string_view(doc).substr(start, end - start);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    out += (out.empty() ? "" : "\n") + std::string(line);
    start = end + 1;
  }
  return out;
}

// Runtimes AWS no longer patches or no longer accepts, from the stdlib's
// `runtimeLifecycle` table: shown struck through.
std::map<std::string, std::string> runtimeStatuses(const sema::Analysis& analysis) {
  std::map<std::string, std::string> out;
  sema::TypeResolver types(*analysis.program);
  Diagnostics scratch;
  sema::Evaluator evaluator(*analysis.program, types, analysis.targets.empty() ? sema::Target{} : analysis.targets.front(), scratch);
  const sema::MaybeValue table = evaluator.stdlibLet("runtimeLifecycle");
  if (!table || table->kind != model::Value::Kind::Object) return out;
  for (const auto& [runtime, entry] : table->fields) {
    if (const model::Value* status = entry.field("status"); status && status->kind == model::Value::Kind::String) {
      out[runtime] = status->string;
    }
  }
  return out;
}

// Keeps the stdlib's order (newest runtimes first) instead of the alphabet.
std::string sortKey(std::size_t index) {
  std::string digits = std::to_string(index);
  return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

}  // namespace

void CompletionList::add(const std::string& label, int kind, const std::string& detail, const std::string& doc, Json extra) {
  Json item{{"label", label}, {"kind", kind}};
  if (!detail.empty()) item["detail"] = detail;
  if (!doc.empty()) item["documentation"] = Json{{"kind", "markdown"}, {"value", doc}};
  for (auto& [key, value] : extra.items()) item[key] = value;
  items_.push_back(std::move(item));
}

void CompletionList::schemaFields(const sema::Type& record, const std::vector<std::string>& skip) {
  for (const sema::FieldType& field : record.fields) {
    if (std::find(skip.begin(), skip.end(), field.name) != skip.end()) continue;
    const std::string detail = (field.optional ? "optional " : "") + sema::describeType(*field.type);
    add(field.name, kItemProperty, detail, field.field ? trimmedDoc(field.field->doc) : "",
        Json{{"insertText", field.name + " = "}});
  }
}

void CompletionList::attributes(const Scope& scope) {
  if (const BuiltinOptions* options = builtinOptions(scope.callee);
      options && scope.kind == Scope::Kind::Object && scope.keyPath.empty()) {
    // The options object of a builtin call: `jwt({ | })`, `cognito(arn, { | })`.
    sema::TypeResolver types(*view_.analysis.program);
    sema::TypePtr schema = types.schema(options->schema);
    if (!schema) return;
    std::vector<std::string> skip = keysAlreadySet(scope);
    for (std::string_view field : options->setByBuiltin) skip.emplace_back(field);
    schemaFields(*schema, skip);
    return;
  }
  if (!scope.decl) return;
  sema::TypeResolver types(*view_.analysis.program);
  if (sema::TypePtr options = eventOptionsSchema(types, *view_.analysis.program, scope.callee, scope.argument)) {
    // `sqs(jobs, { ... })`: the builtin's options, or a record below them.
    const sema::Type* record = options.get();
    if (!scope.keyPath.empty()) {
      const FieldAt at = fieldAtPath(*options, scope.keyPath);
      record = at.type ? recordOf(*at.type) : nullptr;
    }
    if (record && record->kind == sema::Type::Kind::Record) schemaFields(*record, keysAlreadySet(scope));
    return;
  }
  sema::TypePtr schema = blockSchema(types, *scope.decl, scope.inRoute);
  if (!schema) return;
  const std::vector<std::string> set = keysAlreadySet(scope);
  if (scope.kind == Scope::Kind::Block || scope.kind == Scope::Kind::Route) {
    schemaFields(*schema, set);
    if (*scope.decl == ast::DeclKind::Stage) {
      for (const ast::ParamDecl* param : view_.analysis.program->params) {
        if (!param->name.valid() || std::find(set.begin(), set.end(), param->name.text) != set.end()) continue;
        add(param->name.text, kItemVariable, "param: " + oneLine(view_.compilation.sources().file(param->span.file).slice(param->type->span)),
            trimmedDoc(param->doc), Json{{"insertText", param->name.text + " = "}});
      }
    }
    return;
  }
  if (scope.keyPath.empty()) return;
  const FieldAt at = fieldAtPath(*schema, scope.keyPath);
  if (!at.type) return;
  const sema::Type* record = recordOf(*at.type);
  if (!record) {
    if (const sema::Type* element = listElementOf(*at.type)) record = recordOf(*element);
  }
  if (record && record->kind == sema::Type::Kind::Record) schemaFields(*record, set);
}

void CompletionList::allowedStrings(const Scope& scope) {
  const sema::Program& program = *view_.analysis.program;
  sema::TypeResolver types(program);
  std::vector<std::string> values;
  if (scope.comparedWith == "stage") {
    values = program.stageNames();
  } else if (scope.comparedWith == "region") {
    if (sema::TypePtr region = types.named("Region", true)) values = lsp::allowedStrings(*region);
  } else if (!scope.paramDefault.empty() || (scope.decl == ast::DeclKind::Stage && scope.keyPath.size() == 1)) {
    const std::string& name = scope.paramDefault.empty() ? scope.keyPath.front() : scope.paramDefault;
    const sema::Symbol* symbol = program.lookup(name);
    if (symbol && symbol->kind == sema::SymbolKind::Param) {
      values = lsp::allowedStrings(*types.resolve(*static_cast<const ast::ParamDecl*>(symbol->decl)->type));
    }
  }
  sema::TypePtr options = eventOptionsSchema(types, program, scope.callee, scope.argument);
  if (values.empty() && options && !scope.keyPath.empty()) {
    if (const FieldAt at = fieldAtPath(*options, scope.keyPath); at.type) values = lsp::allowedStrings(*at.type);
  } else if (values.empty() && scope.decl && !scope.keyPath.empty()) {
    if (sema::TypePtr schema = blockSchema(types, *scope.decl, scope.inRoute)) {
      if (const FieldAt at = fieldAtPath(*schema, scope.keyPath); at.type) values = lsp::allowedStrings(*at.type);
    }
  }
  if (values.empty()) return;
  const auto statuses = runtimeStatuses(view_.analysis);
  const Json range = rangeJson(positionIn(view_.source, scan_.prefixStart), positionIn(view_.source, scan_.prefixStart + static_cast<std::uint32_t>(scan_.prefix.size())));
  for (std::size_t i = 0; i < values.size(); ++i) {
    Json extra{{"textEdit", {{"range", range}, {"newText", values[i]}}}, {"sortText", sortKey(i)}};
    std::string detail;
    if (auto status = statuses.find(values[i]); status != statuses.end() && status->second != "supported") {
      extra["tags"] = Json::array({1});  // deprecated
      detail = status->second;
    }
    add(values[i], kItemEnumMember, detail, "", std::move(extra));
  }
}

void CompletionList::functions() {
  for (const ast::FunctionDecl* fn : view_.analysis.program->functions) {
    if (!fn->name.valid()) continue;
    std::string handler;
    for (const auto& a : fn->attributes) {
      if (a.key.text == "handler") handler = oneLine(view_.compilation.sources().file(a.value->span.file).slice(a.value->span));
    }
    add(fn->name.text, kItemFunction, handler, trimmedDoc(fn->doc));
  }
}

void CompletionList::types() {
  const sema::Program& program = *view_.analysis.program;
  for (const WordDoc& primitive : primitiveTypes()) add(std::string(primitive.word), kItemKeyword, "", std::string(primitive.doc));
  for (const ast::TypeDecl* type : program.types) {
    if (type->name.valid()) add(type->name.text, type->isAlias ? kItemTypeParameter : kItemStruct, "type", trimmedDoc(type->doc));
  }
  for (const auto& [name, type] : program.stdlibTypes) {
    if (program.lookup(name)) continue;  // a user type of the same name wins
    add(name, type->isAlias ? kItemTypeParameter : kItemStruct, "stdlib type", trimmedDoc(type->doc));
  }
}

void CompletionList::expressionNames() {
  const sema::Program& program = *view_.analysis.program;
  const auto& sources = view_.compilation.sources();
  for (const ast::ParamDecl* p : program.params) {
    if (p->name.valid()) add(p->name.text, kItemVariable, "param: " + oneLine(sources.file(p->span.file).slice(p->type->span)), trimmedDoc(p->doc));
  }
  for (const ast::LetDecl* l : program.lets) {
    if (l->name.valid()) add(l->name.text, kItemConstant, "let", trimmedDoc(l->doc));
  }
  for (const ast::FunctionDecl* f : program.functions) {
    if (f->name.valid()) add(f->name.text, kItemFunction, "function (.arn, .name)", trimmedDoc(f->doc));
  }
  for (const ast::ApiDecl* a : program.apis) {
    if (a->name.valid()) add(a->name.text, kItemModule, "api (.url, .id)", trimmedDoc(a->doc));
  }
  for (const ast::ResourceDecl* r : program.resources) {
    if (r->name.valid()) add(r->name.text, kItemReference, r->resourceType, trimmedDoc(r->doc));
  }
  for (const WordDoc& b : builtins()) {
    const bool call = b.signature.find('(') != std::string_view::npos;
    add(std::string(b.word), call ? kItemFunction : kItemVariable, std::string(b.signature), std::string(b.doc),
        call ? Json{{"insertText", std::string(b.word) + "("}} : Json::object());
  }
  for (const auto& [name, info] : program.eventBuiltins()) {
    if (program.lookup(name)->kind != sema::SymbolKind::Builtin) continue;  // a user declaration hides it
    add(name, kItemFunction, info.signature, eventBuiltinDoc(program, info), Json{{"insertText", name + "("}});
  }
  for (const char* literal : {"true", "false", "null"}) add(literal, kItemKeyword, "", "");
}

void CompletionList::members(const std::string& object) {
  const sema::Program& program = *view_.analysis.program;
  const sema::Symbol* symbol = program.lookup(object);
  if (!symbol) return;
  std::span<const WordDoc> list;
  switch (symbol->kind) {
    case sema::SymbolKind::Function: list = functionMembers(); break;
    case sema::SymbolKind::Api: list = apiMembers(); break;
    case sema::SymbolKind::Resource:
      list = resourceMembers();
      if (const cfnspec::ResourceType* type = program.resourceType(static_cast<const ast::ResourceDecl&>(*symbol->decl))) {
        for (const auto& attribute : type->attributes) {
          add(attribute.name, kItemField, cfnspec::describeShape(*type, attribute.shape),
              "The `" + attribute.name + "` attribute of `" + type->name + "` (Fn::GetAtt).");
        }
      }
      break;
    case sema::SymbolKind::Builtin:
      if (symbol->name == "project") {
        sema::TypeResolver types(program);
        if (sema::TypePtr schema = types.schema("Project")) schemaFields(*schema, {});
        for (auto& item : items_) item.erase("insertText");
      }
      return;
    default: return;
  }
  for (const WordDoc& m : list) add(std::string(m.word), kItemField, std::string(m.signature), std::string(m.doc));
}

void CompletionList::resourceTypes() {
  const cfnspec::ResourceSpec* spec = view_.analysis.program->resourceSpec;
  if (spec == nullptr) return;
  // Only the names that start with what is typed: the specification has 1,600.
  for (std::string_view name : spec->typeNames()) {
    if (name.starts_with(scan_.prefix)) add(std::string(name), kItemClass, "CloudFormation resource type", "");
  }
}

void CompletionList::resourceProperties(const Scope& scope) {
  const sema::Symbol* symbol = view_.analysis.program->lookup(scope.declName);
  if (symbol == nullptr || symbol->kind != sema::SymbolKind::Resource) return;
  const cfnspec::ResourceType* type = view_.analysis.program->resourceType(static_cast<const ast::ResourceDecl&>(*symbol->decl));
  if (type == nullptr) return;
  const cfnspec::Shape* object = cfnspec::objectAtPath(*type, scope.kind == Scope::Kind::Block ? std::vector<std::string>{} : scope.keyPath);
  if (object == nullptr) return;
  const std::vector<std::string> set = keysAlreadySet(scope);
  for (const auto& field : object->fields) {
    if (field.readOnly || std::find(set.begin(), set.end(), field.name) != set.end()) continue;
    const std::string shape = cfnspec::describeShape(*type, field.shape);
    add(field.name, kItemProperty, (field.required ? "required " : "") + shape, "", Json{{"insertText", field.name + " = "}});
  }
}

void CompletionList::declarationKeywords() {
  for (std::string_view word : reservedWords()) {
    if (word != "true" && word != "false" && word != "null") add(std::string(word), kItemKeyword, "", "");
  }
}

void CompletionList::decorators() {
  for (const WordDoc& d : lsp::decorators()) add(std::string(d.word), kItemKeyword, std::string(d.signature), std::string(d.doc));
}

void CompletionList::routeWords(bool inRoute) {
  if (inRoute) {
    for (std::string_view word : routeItemWords()) add(std::string(word), kItemKeyword, "route item", "");
  } else {
    for (std::string_view word : httpMethods()) add(std::string(word), kItemKeyword, "route", "");
  }
}

}  // namespace jaws::lsp
