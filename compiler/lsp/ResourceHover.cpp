#include "lsp/ResourceHover.h"

#include "cfnspec/ResourceSpec.h"
#include "lsp/OneLine.h"
#include "cfnspec/ShapePaths.h"

namespace jaws::lsp {

namespace {

std::string link(const cfnspec::ResourceType& type) {
  const std::string url = cfnspec::documentationUrl(type.name);
  return url.empty() ? "" : "\n[" + type.name + " in the AWS CloudFormation documentation](" + url + ")\n";
}

std::string names(const std::vector<std::string>& list, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < list.size() && i < limit; ++i) out += (i ? ", `" : "`") + list[i] + "`";
  if (list.size() > limit) out += ", ...";
  return out;
}

std::string arnLine(const cfnspec::ResourceType& type) {
  switch (type.arn) {
    case cfnspec::ArnSource::Attribute: return "`.arn` is `Fn::GetAtt " + type.arnAttribute + "`";
    case cfnspec::ArnSource::Ref: return "`.arn` is its `Ref`";
    case cfnspec::ArnSource::None: break;
  }
  return "`.arn`: none that CloudFormation returns";
}

}  // namespace

std::string resourceTypeHover(const sema::Program& program, const ast::ResourceDecl& resource) {
  const cfnspec::ResourceType* type = program.resourceType(resource);
  if (type == nullptr) return "";
  std::vector<std::string> required, attributes;
  std::size_t settable = 0;
  for (const auto& field : type->propertiesShape().fields) {
    if (field.required) required.push_back(field.name);
    if (!field.readOnly) ++settable;
  }
  for (const auto& attribute : type->attributes) attributes.push_back(attribute.name);
  std::string out = codeBlock("resource " + resource.name.text + ": \"" + type->name + "\"");
  out += "\nA CloudFormation resource type with " + std::to_string(settable) + " properties";
  out += required.empty() ? ", none required.\n" : "; required: " + names(required, 12) + ".\n";
  if (!type->refReturns.empty()) out += "\n`.ref` returns " + names(type->refReturns, 4) + "; " + arnLine(*type) + ".\n";
  if (!attributes.empty()) out += "\nAttributes: " + names(attributes, 16) + ".\n";
  return out + link(*type);
}

std::string resourcePropertyHover(const sema::Program& program, const ast::ResourceDecl& resource,
                                  const std::vector<std::string>& keyPath) {
  const cfnspec::ResourceType* type = program.resourceType(resource);
  const cfnspec::Field* field = type != nullptr ? cfnspec::fieldAtPath(*type, keyPath) : nullptr;
  if (field == nullptr) return "";
  std::string out = codeBlock(field->name + ": " + cfnspec::describeShape(*type, field->shape));
  out += "\n";
  out += field->required ? "Required" : "Optional";
  if (field->readOnly) out = codeBlock(field->name + ": " + cfnspec::describeShape(*type, field->shape)) + "\nRead-only: set by CloudFormation";
  if (field->deprecated) out += ", deprecated";
  out += keyPath.size() == 1 ? " property of `" + type->name + "`.\n" : " key.\n";
  return out + link(*type);
}

std::string resourceAttributeHover(const sema::Program& program, const ast::ResourceDecl& resource,
                                   std::string_view attribute) {
  const cfnspec::ResourceType* type = program.resourceType(resource);
  const cfnspec::Attribute* found = type != nullptr ? type->attribute(attribute) : nullptr;
  if (found == nullptr) return "";
  return codeBlock(resource.name.text + "." + found->name + ": " + cfnspec::describeShape(*type, found->shape)) +
         "\nThe `" + found->name + "` attribute of `" + type->name + "` (Fn::GetAtt), known when CloudFormation deploys.\n" +
         link(*type);
}

}  // namespace jaws::lsp
