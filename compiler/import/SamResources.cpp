// The resources of a SAM template that are neither functions nor APIs, their
// resource attributes as decorators (docs/resource-options.md), and the
// template's outputs.
#include <algorithm>

#include "import/CfnText.h"
#include "import/JawsText.h"
#include "import/SamParts.h"

namespace jaws::importer {

namespace {

std::string properties(SamImport& import, const YAML::Node& map) {
  std::string out;
  if (!map || !map.IsMap()) return out;
  for (const auto& property : map) {
    if (auto v = import.values.expression(property.second)) out += "  " + objectKey(property.first.Scalar()) + " = " + *v + "\n";
  }
  return out;
}

// `AWS::Serverless::SimpleTable`: the DynamoDB table SAM writes for it (a
// string hash key `id` unless `PrimaryKey` says otherwise, on-demand unless
// `ProvisionedThroughput` is given).
std::string simpleTable(SamImport& import, const YAML::Node& props) {
  const YAML::Node key = child(props, "PrimaryKey");
  const std::string keyName = child(key, "Name") ? child(key, "Name").Scalar() : "id";
  const std::string keyType = child(key, "Type") ? child(key, "Type").Scalar() : "String";
  const std::string attributeType = keyType == "Number" ? "N" : keyType == "Binary" ? "B" : "S";
  std::string out = "  AttributeDefinitions = [{ AttributeName = " + stringLiteral(keyName) + ", AttributeType = " +
                    stringLiteral(attributeType) + " }]\n" + "  KeySchema = [{ AttributeName = " + stringLiteral(keyName) +
                    ", KeyType = \"HASH\" }]\n";
  if (!child(props, "ProvisionedThroughput")) out += "  BillingMode = \"PAY_PER_REQUEST\"\n";
  for (const auto& entry : props) {
    const std::string name = entry.first.Scalar();
    if (name == "PrimaryKey") continue;
    if (name == "TableName" || name == "ProvisionedThroughput" || name == "SSESpecification" || name == "PointInTimeRecoverySpecification") {
      if (auto v = import.values.expression(entry.second)) out += "  " + name + " = " + *v + "\n";
    } else if (name == "Tags" && entry.second.IsMap()) {
      std::string tags;
      for (const auto& tag : entry.second) {
        if (auto v = import.values.expression(tag.second, true))
          tags += std::string(tags.empty() ? "" : ", ") + "{ Key = " + stringLiteral(tag.first.Scalar()) + ", Value = " + *v + " }";
      }
      out += "  Tags = [" + tags + "]\n";
    } else {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), "SimpleTable." + name, "SAM's SimpleTable has no such property"));
    }
  }
  return out;
}

// `AWS::Serverless::LayerVersion` with its content in S3: the
// `AWS::Lambda::LayerVersion` SAM writes. A layer built from a folder is not:
// Jaws packages functions, not layers.
std::optional<std::string> layerVersion(SamImport& import, const YAML::Node& props) {
  const YAML::Node content = child(props, "ContentUri");
  if (!content || !content.IsMap() || !child(content, "Bucket") || !child(content, "Key")) {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(content ? content : props), "LayerVersion.ContentUri",
                                                     "Jaws does not package layers; publish the layer and give its ARN in `layers`"));
    return std::nullopt;
  }
  std::string out;
  auto bucket = import.values.expression(child(content, "Bucket"), true);
  auto key = import.values.expression(child(content, "Key"), true);
  if (!bucket || !key) return std::nullopt;
  out += "  Content = { S3Bucket = " + *bucket + ", S3Key = " + *key + " }\n";
  for (const auto& entry : props) {
    const std::string name = entry.first.Scalar();
    if (name == "ContentUri" || name == "RetentionPolicy") continue;
    if (auto v = import.values.expression(entry.second)) out += "  " + objectKey(name) + " = " + *v + "\n";
  }
  return out;
}

}  // namespace

std::string declarationOptions(SamImport& import, const YAML::Node& resource, bool isResource, std::vector<std::string>& handled) {
  std::string out;
  for (const auto& entry : resource) {
    const std::string key = entry.first.Scalar();
    if (std::find(handled.begin(), handled.end(), key) != handled.end()) continue;
    handled.push_back(key);
    if (key == "Condition") {
      out += whenDecorator(import.report, entry.second, import.values.conditionOperands());
    } else if (key == "Metadata") {
      import.report.add(diag::ImportSettingIgnored(import.report.at(entry.first), "Metadata"));
    } else if (isResource && (key == "DeletionPolicy" || key == "UpdateReplacePolicy")) {
      if (auto v = import.values.expression(entry.second, true))
        out += std::string(key == "DeletionPolicy" ? "@deletionPolicy(" : "@updateReplacePolicy(") + *v + ")\n";
    } else if (isResource && key == "DependsOn") {
      std::vector<std::string> names;
      for (const YAML::Node& id : entry.second.IsSequence() ? entry.second : YAML::Node(YAML::NodeType::Sequence)) {
        const std::string name = import.values.declaration(id.Scalar());
        if (!name.empty()) names.push_back(name);
        else import.report.add(diag::ImportSettingUnsupported(import.report.at(id), "DependsOn " + id.Scalar(), "not a declaration of the project"));
      }
      if (entry.second.IsScalar()) {
        const std::string name = import.values.declaration(entry.second.Scalar());
        if (!name.empty()) names.push_back(name);
        else import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.second), "DependsOn " + entry.second.Scalar(), "not a declaration of the project"));
      }
      if (!names.empty()) {
        out += "@dependsOn(";
        for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
        out += ")\n";
      }
    } else if (key == "DependsOn") {
      // Jaws orders a function after what it refers to by itself.
      import.report.add(diag::ImportSettingIgnored(import.report.at(entry.first), "DependsOn"));
    } else {
      import.report.add(diag::ImportSettingUnsupported(import.report.at(entry.first), key,
                                                       isResource ? "resource attributes other than Properties and the resource options are not carried over"
                                                                  : "Jaws functions and APIs have no such attribute"));
    }
  }
  return out;
}

std::string importSamResource(SamImport& import, const std::string& name, const std::string& logicalId, const YAML::Node& resource) {
  const YAML::Node typeNode = child(resource, "Type");
  if (!typeNode || !typeNode.IsScalar()) {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(resource), logicalId, "a resource without a Type"));
    return "";
  }
  std::string type = typeNode.Scalar();
  const YAML::Node props = child(resource, "Properties");
  std::string body;
  std::string extra;
  if (type == "AWS::Serverless::SimpleTable") {
    type = "AWS::DynamoDB::Table";
    body = simpleTable(import, props);
  } else if (type == "AWS::Serverless::LayerVersion") {
    auto layer = layerVersion(import, props);
    if (!layer) return "";
    type = "AWS::Lambda::LayerVersion";
    body = *layer;
    if (const YAML::Node retention = child(props, "RetentionPolicy"))
      extra = "@deletionPolicy(" + stringLiteral(retention.Scalar() == "Retain" ? "Retain" : "Delete") + ")\n";
  } else if (type.rfind("AWS::Serverless::", 0) == 0) {
    import.report.add(diag::ImportSettingUnsupported(import.report.at(typeNode), type, "Jaws has no translation of this SAM resource"));
    return "";
  } else {
    body = properties(import, props);
  }
  std::vector<std::string> handled = {"Type", "Properties"};
  const std::string decorators = declarationOptions(import, resource, true, handled);
  return decorators + extra + "resource " + name + ": " + stringLiteral(type) + " {\n" + body + "}";
}

std::string importSamOutputs(SamImport& import, const YAML::Node& outputs, const std::set<std::string>& taken) {
  std::string out;
  if (!outputs || !outputs.IsMap()) return out;
  for (const auto& entry : outputs) {
    const YAML::Node output = entry.second;
    auto value = import.values.expression(child(output, "Value"));
    if (!value) continue;
    std::string text;
    for (const auto& attribute : output) {
      const std::string key = attribute.first.Scalar();
      if (key == "Description" && attribute.second.IsScalar() && !intrinsicOf(attribute.second)) {
        text = docComment(attribute.second.Scalar()) + text;
      } else if (key == "Export") {
        auto exportName = import.values.expression(child(attribute.second, "Name"), true);
        if (exportName) text += "@export(" + *exportName + ")\n";
      } else if (key == "Condition") {
        text += whenDecorator(import.report, attribute.second, import.values.conditionOperands());
      } else if (key != "Value") {
        import.report.add(diag::ImportSettingUnsupported(import.report.at(attribute.first), "Outputs." + entry.first.Scalar() + "." + key,
                                                         "outputs have a value, a description, an export and a condition"));
      }
    }
    std::string name = declarationName(entry.first.Scalar());
    if (taken.count(name)) name += "Output";
    out += text + "output " + name + " = " + *value + "\n\n";
  }
  return out;
}

}  // namespace jaws::importer
