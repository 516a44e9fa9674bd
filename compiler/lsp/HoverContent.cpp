#include "lsp/HoverContent.h"

#include "lsp/OneLine.h"
#include "lsp/ResourceHover.h"
#include "lsp/SchemaLookup.h"
#include "lsp/TargetValues.h"
#include "lsp/Vocabulary.h"

namespace jaws::lsp {

namespace {

std::string_view sliceOf(const FileView& view, Span span) {
  const SourceFile* file = view.compilation.sources().find(span.file);
  return file ? file->slice(span) : std::string_view{};
}

std::string docText(const std::string& doc) {
  if (doc.empty()) return "";
  std::string out;
  std::size_t start = 0;
  while (start <= doc.size()) {
    std::size_t end = doc.find('\n', start);
    if (end == std::string::npos) end = doc.size();
    std::string_view line = std::string_view(doc).substr(start, end - start);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    out += std::string(line) + "\n";
    start = end + 1;
  }
  return "\n" + out;
}

std::string valuesOf(const FileView& view, const Evaluate& evaluate, const std::optional<std::string>& stage = std::nullopt) {
  const std::string values = renderValueGroups(valuesPerTarget(view.analysis, evaluate, stage), view.analysis.targets.size());
  return values.empty() ? "" : "\n" + values;
}

// The code line of a declaration: `param tableName: string = "todos-${stage}"`.
std::string declarationLine(const FileView& view, const ast::Decl& decl) {
  std::string line = std::string(ast::declKindKeyword(decl.kind)) + " " + decl.name.text;
  switch (decl.kind) {
    case ast::DeclKind::Param: {
      const auto& p = static_cast<const ast::ParamDecl&>(decl);
      line += ": " + oneLine(sliceOf(view, p.type->span));
      if (p.defaultValue) line += " = " + oneLine(sliceOf(view, p.defaultValue->span));
      break;
    }
    case ast::DeclKind::Let: line += " = " + oneLine(sliceOf(view, static_cast<const ast::LetDecl&>(decl).value->span)); break;
    case ast::DeclKind::Output: line += " = " + oneLine(sliceOf(view, static_cast<const ast::OutputDecl&>(decl).value->span)); break;
    case ast::DeclKind::Resource: line += ": \"" + static_cast<const ast::ResourceDecl&>(decl).resourceType + "\""; break;
    case ast::DeclKind::Type: {
      const auto& t = static_cast<const ast::TypeDecl&>(decl);
      if (t.isAlias) {
        line += " = " + oneLine(sliceOf(view, t.type->span));
      } else if (t.type->kind == ast::TypeKind::Record) {
        line += " { " + std::to_string(static_cast<const ast::RecordType&>(*t.type).fields.size()) + " fields }";
      }
      break;
    }
    default: break;
  }
  return line;
}

// What each stage's stack makes of a function: runtime, memory, timeout.
std::string functionValues(const FileView& view, const std::string& name) {
  std::vector<ValueGroup> groups;
  for (std::size_t i = 0; i < view.analysis.stacks.size() && i < view.analysis.targets.size(); ++i) {
    for (const model::Function& f : view.analysis.stacks[i].functions) {
      if (f.name != name) continue;
      std::string text = f.runtime + ", " + std::to_string(f.memoryMb) + "MB, " + std::to_string(f.timeoutSeconds) + "s, " + f.handler;
      auto group = std::find_if(groups.begin(), groups.end(), [&](const ValueGroup& g) { return g.value == text; });
      if (group == groups.end()) group = groups.insert(groups.end(), ValueGroup{text, {}});
      group->targets.push_back(view.analysis.targets[i].label());
    }
  }
  const std::string values = renderValueGroups(groups, view.analysis.targets.size());
  return values.empty() ? "" : "\n" + values;
}

// `memory: size @min(128MB) @max(10240MB) = project.memory` from the schema's source.
std::string fieldLine(const FileView& view, const std::string& key, const sema::Type& type, const sema::FieldType* field) {
  if (field && field->field) return oneLine(sliceOf(view, field->field->span), 160);
  return key + ": " + sema::describeType(type);
}

// The value at a key path inside an evaluated attribute value.
sema::MaybeValue valueAtPath(sema::MaybeValue value, const std::vector<std::string>& path, std::size_t from) {
  for (std::size_t i = from; value && i < path.size(); ++i) {
    if (value->kind != model::Value::Kind::Object) return std::nullopt;
    const model::Value* field = value->field(path[i]);
    if (!field) return std::nullopt;
    value = *field;
  }
  return value;
}

}  // namespace

std::string symbolHover(const FileView& view, const sema::Symbol& symbol) {
  const ast::Decl* decl = symbol.decl;
  if (!decl) return "";
  std::string out = codeBlock(declarationLine(view, *decl)) + docText(decl->doc);
  switch (decl->kind) {
    case ast::DeclKind::Param: {
      const auto* p = static_cast<const ast::ParamDecl*>(decl);
      out += valuesOf(view, [p](sema::Evaluator& e) { return e.paramValue(*p); });
      break;
    }
    case ast::DeclKind::Let: {
      const auto* l = static_cast<const ast::LetDecl*>(decl);
      out += valuesOf(view, [l](sema::Evaluator& e) { return e.letValue(*l); });
      break;
    }
    case ast::DeclKind::Output: {
      const auto* o = static_cast<const ast::OutputDecl*>(decl);
      out += valuesOf(view, [o](sema::Evaluator& e) { return e.eval(*o->value); });
      break;
    }
    case ast::DeclKind::Function: out += functionValues(view, symbol.name); break;
    case ast::DeclKind::Stage: {
      std::string regions;
      for (const sema::Target& t : view.analysis.targets) {
        if (t.stage == symbol.name) regions += (regions.empty() ? "" : ", ") + t.region;
      }
      if (!regions.empty()) out += "\nDeploys to " + regions + "\n";
      break;
    }
    default: break;
  }
  return out;
}

std::string attributeHover(const FileView& view, const Located& here) {
  if (!here.decl || !here.attribute || here.keyPath.empty()) return "";
  sema::TypeResolver types(*view.analysis.program);
  const ast::Attribute* attribute = here.attribute;
  const std::vector<std::string> path = here.keyPath;
  auto evaluate = [attribute, path](sema::Evaluator& e) { return valueAtPath(e.eval(*attribute->value), path, 1); };
  // A stage's keys are evaluated in that stage only.
  std::optional<std::string> stage;
  if (here.decl->kind == ast::DeclKind::Stage) stage = here.decl->name.text;

  std::string out;
  // A key of an event builtin's options: its schema line and doc.
  if (here.call && here.call->callee->kind == ast::ExprKind::Name) {
    const auto& callee = static_cast<const ast::NameExpr&>(*here.call->callee).name.text;
    if (sema::TypePtr options = eventOptionsSchema(types, *view.analysis.program, callee, here.callArgument)) {
      const std::vector<std::string> inside(path.begin() + static_cast<std::ptrdiff_t>(here.callKeys), path.end());
      const FieldAt at = fieldAtPath(*options, inside);
      if (!at.type) return "";
      out += codeBlock(fieldLine(view, here.name, *at.type, at.field));
      if (at.field && at.field->field) out += docText(at.field->field->doc);
      return out;
    }
  }
  if (here.decl->kind == ast::DeclKind::Resource) {
    // A property of a raw resource, or a key inside one: the specification's shape.
    out = resourcePropertyHover(*view.analysis.program, static_cast<const ast::ResourceDecl&>(*here.decl), path);
  } else if (sema::TypePtr schema = blockSchema(types, here.decl->kind, here.route != nullptr)) {
    const FieldAt at = fieldAtPath(*schema, path);
    if (at.type) {
      out += codeBlock(fieldLine(view, here.name, *at.type, at.field));
      if (at.field && at.field->field) out += docText(at.field->field->doc);
    }
  }
  return out + valuesOf(view, evaluate, stage);
}

std::string builtinHover(const FileView& view, const Located& here) {
  const WordDoc* doc = builtinDoc(here.name);
  const sema::Program& program = *view.analysis.program;
  if (auto event = program.eventBuiltins().find(here.name); !doc && here.expr && event != program.eventBuiltins().end()) {
    return codeBlock(event->second.signature) + "\n" + eventBuiltinDoc(program, event->second) + "\n";
  }
  if (!doc || !here.expr) return "";
  std::string out = codeBlock(std::string(doc->signature)) + "\n" + std::string(doc->doc) + "\n";
  if (here.name == "stage" || here.name == "region") {
    const ast::Expr* expr = here.expr;
    out += valuesOf(view, [expr](sema::Evaluator& e) { return e.eval(*expr); });
  }
  return out;
}

std::string memberHover(const FileView& view, const Located& here) {
  const auto* member = static_cast<const ast::MemberExpr*>(here.expr);
  if (!member || member->object->kind != ast::ExprKind::Name) return "";
  const sema::Program& program = *view.analysis.program;
  const sema::Symbol* object = program.binding(member->object.get());
  if (!object) return "";
  std::string out;
  const WordDoc* doc = nullptr;
  std::span<const WordDoc> members;
  if (object->kind == sema::SymbolKind::Function) members = functionMembers();
  if (object->kind == sema::SymbolKind::Api) members = apiMembers();
  if (object->kind == sema::SymbolKind::Resource) members = resourceMembers();
  for (const WordDoc& d : members) {
    if (d.word == here.name) doc = &d;
  }
  if (doc) {
    out = codeBlock(object->name + "." + here.name) + "\n" + std::string(doc->doc) + "\n";
  } else if (object->kind == sema::SymbolKind::Resource) {
    out = resourceAttributeHover(program, static_cast<const ast::ResourceDecl&>(*object->decl), here.name);
    if (out.empty()) {
      out = codeBlock(object->name + "." + here.name) + "\nThe resource's `" + here.name +
            "` attribute (Fn::GetAtt), known when CloudFormation deploys.\n";
    }
  } else if (object->kind == sema::SymbolKind::Builtin && object->name == "project") {
    sema::TypeResolver types(program);
    if (sema::TypePtr schema = types.schema("Project")) {
      if (const sema::FieldType* field = schema->field(here.name)) {
        out = codeBlock("project." + oneLine(sliceOf(view, field->field->span), 160)) + docText(field->field->doc);
      }
    }
  }
  if (out.empty()) return "";
  return out + valuesOf(view, [member](sema::Evaluator& e) { return e.eval(*member); });
}

std::string typeHover(const FileView& view, const Located& here) {
  if (const WordDoc* doc = primitiveTypeDoc(here.name)) {
    return codeBlock(std::string(doc->signature)) + "\n" + std::string(doc->doc) + "\n";
  }
  const auto& stdlib = view.analysis.program->stdlibTypes;
  auto it = stdlib.find(here.name);
  if (it == stdlib.end()) return "";
  return codeBlock(declarationLine(view, *it->second)) + docText(it->second->doc);
}

std::string decoratorHover(const Located& here) {
  const WordDoc* doc = decoratorDoc(here.name);
  return doc ? codeBlock(std::string(doc->signature)) + "\n" + std::string(doc->doc) + "\n" : "";
}

std::string fieldHover(const FileView& view, const Located& here) {
  if (!here.field) return "";
  return codeBlock(oneLine(sliceOf(view, here.field->span), 160)) + docText(here.field->doc);
}

}  // namespace jaws::lsp
