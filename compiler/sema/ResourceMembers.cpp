#include "sema/ResourceMembers.h"

#include "cfnspec/ResourceSpec.h"
#include "diag/Builders.h"
#include "sema/Suggest.h"

namespace jaws::sema {

namespace {

using RK = model::DeployRef::Kind;

model::Value reference(const ast::ResourceDecl& resource, RK kind, std::string attribute, Span at) {
  return model::Value::deploy(model::DeployRef{kind, resource.name.text, std::move(attribute), "", "", false}, at);
}

model::Value pseudo(const char* name) {
  return model::Value::deploy(model::DeployRef{RK::PseudoParameter, "", "", name, "", false});
}

// A pattern of stdlib/resources.jaws: literal text and `{placeholders}`.
std::optional<model::Value> builtArn(const ast::ResourceDecl& resource, const std::string& pattern, Span at) {
  std::vector<model::Value> parts;
  std::string text;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      text += pattern[i];
      continue;
    }
    const std::size_t close = pattern.find('}', i);
    if (close == std::string::npos) return std::nullopt;
    const std::string name = pattern.substr(i + 1, close - i - 1);
    i = close;
    if (!text.empty()) parts.push_back(model::Value::ofString(std::move(text)));
    text.clear();
    if (name == "ref") {
      parts.push_back(reference(resource, RK::ResourceRef, "", {}));
    } else if (name == "partition") {
      parts.push_back(pseudo("AWS::Partition"));
    } else if (name == "region") {
      parts.push_back(pseudo("AWS::Region"));
    } else if (name == "urlSuffix") {
      parts.push_back(pseudo("AWS::URLSuffix"));
    } else if (name == "account") {
      parts.push_back(model::Value::deploy(model::DeployRef{RK::AccountId, "", "", "", "", false}));
    } else if (!name.empty()) {
      parts.push_back(reference(resource, RK::ResourceAttr, name, {}));
    } else {
      return std::nullopt;
    }
  }
  if (!text.empty()) parts.push_back(model::Value::ofString(std::move(text)));
  if (parts.size() == 1 && parts.front().kind == model::Value::Kind::Deploy) {
    model::Value only = std::move(parts.front());
    only.origin = at;
    return only;
  }
  return model::Value::concat(std::move(parts), at);
}

std::string quotedList(const std::vector<std::string>& names, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) out += (i ? ", `" : "`") + names[i] + "`";
  if (names.size() > limit) out += ", ...";
  return out;
}

}  // namespace

MaybeValue arnOf(Evaluator& evaluator, const ast::ResourceDecl& resource, Span at) {
  if (const MaybeValue& patterns = evaluator.stdlibLet("resourceArns"); patterns && patterns->kind == model::Value::Kind::Object) {
    if (const model::Value* pattern = patterns->field(resource.resourceType); pattern && pattern->kind == model::Value::Kind::String) {
      if (auto built = builtArn(resource, pattern->string, at)) return built;
    }
  }
  const cfnspec::ResourceType* type = evaluator.program().resourceType(resource);
  if (type == nullptr) return reference(resource, RK::ResourceAttr, "Arn", at);
  switch (type->arn) {
    case cfnspec::ArnSource::Attribute: return reference(resource, RK::ResourceAttr, type->arnAttribute, at);
    case cfnspec::ArnSource::Ref: return reference(resource, RK::ResourceRef, "", at);
    case cfnspec::ArnSource::None: break;
  }
  return std::nullopt;
}

MaybeValue resourceArn(Evaluator& evaluator, const ast::ResourceDecl& resource, Span at) {
  if (MaybeValue arn = arnOf(evaluator, resource, at)) return arn;
  const cfnspec::ResourceType* type = evaluator.program().resourceType(resource);
  std::vector<std::string> instead = {resource.name.text + ".ref"};
  for (const auto& attribute : type->attributes) {
    if (attribute.name.ends_with("Arn") || attribute.name.ends_with("ARN")) instead.push_back(resource.name.text + "." + attribute.name);
  }
  evaluator.diagnostics().push_back(diag::ResourceHasNoArn(at, type->name).withHelp(note::UseInstead(quotedList(instead, 6))));
  return std::nullopt;
}

MaybeValue resourceMember(Evaluator& evaluator, const ast::ResourceDecl& resource, std::string_view member,
                          Span memberSpan, Span whole) {
  if (member == "ref") return reference(resource, RK::ResourceRef, "", whole);
  if (member == "arn") return resourceArn(evaluator, resource, whole);
  const cfnspec::ResourceType* type = evaluator.program().resourceType(resource);
  if (type == nullptr || type->attribute(member) != nullptr) return reference(resource, RK::ResourceAttr, std::string(member), whole);
  std::vector<std::string> names = {"arn", "ref"};
  for (const auto& attribute : type->attributes) names.push_back(attribute.name);
  Diagnostic d = diag::UnknownResourceAttribute(memberSpan, std::string(member), type->name);
  if (auto best = closestMatch(member, names)) {
    d.withHelp(note::DidYouMean(*best)).withFix(note::ReplaceWith(*best), memberSpan, *best);
  } else {
    d.withHelp(note::AvailableAttributes(quotedList(names, 12)));
  }
  evaluator.diagnostics().push_back(std::move(d));
  return std::nullopt;
}

}  // namespace jaws::sema
