#include "emit/split/PropertyUploads.h"

#include <algorithm>
#include <unordered_map>

#include "emit/JsonObjects.h"
#include "emit/JsonSize.h"
#include "emit/JsonText.h"
#include "emit/StableHash.h"
#include "emit/apidocs/ApiSecurity.h"
#include "emit/cloudformation/CodeParameters.h"
#include "emit/split/ComputedAttributes.h"
#include "emit/split/TemplateReferences.h"

namespace jaws::emit::split {

namespace {

std::string urlSuffixOf(const std::string& partition) {
  if (partition == "aws-cn") return "amazonaws.com.cn";
  if (partition == "aws-iso") return "c2s.ic.gov";
  if (partition == "aws-iso-b") return "sc2s.sgov.gov";
  return "amazonaws.com";
}

// The pseudo parameters a build knows, as Sub text.
std::optional<std::string> pseudoValue(const std::string& name, const LiteralContext& context) {
  const std::string partition = partitionOf(context.region);
  if (name == "AWS::Region") return escapeSubText(context.region);
  if (name == "AWS::Partition") return escapeSubText(partition);
  if (name == "AWS::URLSuffix") return escapeSubText(urlSuffixOf(partition));
  if (name == "AWS::AccountId" && context.account) return escapeSubText(*context.account);
  return std::nullopt;
}

// Sub text with the known pseudo parameters written out.
std::string withPseudoValues(const std::string& text, const LiteralContext& context) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("${AWS::", i);
    const std::size_t close = open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, open - i);
    const std::string name = text.substr(open + 2, close - open - 2);
    out += pseudoValue(name, context).value_or("${" + name + "}");
    i = close + 1;
  }
  return out;
}

// `value` rewritten by `rewrite`, or nullopt as soon as a part of it stays
// an intrinsic (described in `unresolved`). The same as rewriteReferences then
// holdsIntrinsic, but it stops at the first value that cannot be made literal:
// a body that names its functions by an unknown account is refused at its
// first integration, not after a copy of the whole body.
std::optional<Json> literalRewrite(const Json& value, const ReferenceRewriter& rewrite, std::string& unresolved) {
  if (value.is_array()) {
    Json out = Json::array();
    out.get_ref<Json::array_t&>().reserve(value.size());
    for (const auto& item : value) {
      auto literal = literalRewrite(item, rewrite, unresolved);
      if (!literal) return std::nullopt;
      out.push_back(std::move(*literal));
    }
    return out;
  }
  if (!value.is_object()) return value;
  // Ref, Fn::GetAtt, Fn::Sub and any other intrinsic: rewritten whole (they
  // are small), then what is left of them decides.
  if (value.size() == 1) {
    const std::string& key = value.begin().key();
    if (key == "Ref" || key.rfind("Fn::", 0) == 0) {
      Json rewritten = rewriteReferences(value, rewrite);
      if (holdsIntrinsic(rewritten, unresolved)) return std::nullopt;
      return rewritten;
    }
  }
  Json out = Json::object();
  reserveMembers(out, value.size());
  for (const auto& item : value.items()) {
    auto literal = literalRewrite(item.value(), rewrite, unresolved);
    if (!literal) return std::nullopt;
    appendMember(out, item.key(), std::move(*literal));
  }
  return out;
}

}  // namespace

std::optional<Json> literalValue(const Json& value, const std::function<const Json*(const std::string&)>& resourceOf,
                                 const model::Splitting& policy, const LiteralContext& context, std::string& unresolved) {
  return literalRewrite(value, [&](const Reference& ref) {
    if (isPseudoParameter(ref.target)) {
      if (auto text = pseudoValue(ref.target, context)) return Replacement::subText(*text);
      return Replacement::keep();
    }
    if (const Json* resource = resourceOf(ref.target)) {
      if (auto text = computedAttribute(policy.computed, *resource, ref.attribute)) {
        return Replacement::subText(withPseudoValues(*text, context));
      }
    }
    return Replacement::keep();
  }, unresolved);
}

void uploadLargeProperties(Json& cfnTemplate, const model::Splitting& policy, const LiteralContext& context,
                           std::size_t threshold, std::vector<UploadedProperty>& uploaded,
                           std::vector<UploadRefusal>& refused, ResourceSizes& sizes, UploadOutput output) {
  if (!cfnTemplate.contains("Resources")) return;
  Json& resources = cfnTemplate["Resources"];
  if (!resources.is_object()) return;
  // Indexed at the first property large enough to upload: most checks have
  // none. Resources are only changed in place below, so the views and
  // pointers stay valid.
  std::unordered_map<std::string_view, const Json*> byId;
  auto indexed = [&]() -> const std::unordered_map<std::string_view, const Json*>& {
    if (byId.empty()) {
      byId.reserve(resources.size());
      for (const auto& [id, body] : resources.get_ref<const Json::object_t&>()) byId.emplace(id, &body);
    }
    return byId;
  };
  auto resourceOf = [&](const std::string& id) -> const Json* {
    auto it = indexed().find(id);
    return it == byId.end() ? nullptr : it->second;
  };
  static const std::string kNoType;
  for (auto& item : resources.items()) {
    Json& resource = item.value();
    const auto typeField = resource.find("Type");
    const std::string& type =
        typeField != resource.end() && typeField->is_string() ? typeField->get_ref<const std::string&>() : kNoType;
    for (const auto& rule : policy.uploads) {
      if (rule.type != type || !resource.contains("Properties") || !resource["Properties"].contains(rule.property)) continue;
      const std::size_t bytes = resourceBytes(item.key(), sizes.at(item.key()));
      if (bytes <= threshold) continue;
      std::string unresolved;
      auto literal = literalValue(resource["Properties"][rule.property], resourceOf, policy, context, unresolved);
      if (!literal) {
        refused.push_back({item.key(), rule.property, bytes, unresolved, std::nullopt});
        continue;
      }
      UploadedProperty file;
      std::vector<Reference> refs;
      collectReferences(resource["Properties"][rule.property], refs);
      for (const auto& ref : refs) {
        if (indexed().count(ref.target) != 0) file.literalized.push_back(ref.target);
      }
      std::sort(file.literalized.begin(), file.literalized.end());
      file.literalized.erase(std::unique(file.literalized.begin(), file.literalized.end()), file.literalized.end());
      file.resource = item.key();
      file.property = rule.property;
      if (output == UploadOutput::Files) {
        appendCompactJson(*literal, file.text);
        file.text += '\n';
        file.bytes = file.text.size();
      } else {
        file.bytes = measureCompactJson(*literal) + 1;
        releaseJson(*literal);  // a check keeps only its size
      }
      if (rule.limit && static_cast<std::int64_t>(file.bytes) > *rule.limit) {
        refused.push_back({item.key(), rule.property, file.bytes, "", rule.limit});
        continue;
      }
      if (output == UploadOutput::Files) {
        file.document = std::move(*literal);
        file.key = stableHashHex(file.text, 16) + rule.suffix;
      } else {
        // Hex digits of a fixed count: the template's size is the same whatever the hash.
        file.key = std::string(16, '0') + rule.suffix;
      }
      // The location takes the property's place; the rest keeps its order.
      Json properties = Json::object();
      for (auto& property : resource["Properties"].items()) {
        if (property.key() == rule.property) {
          releaseJson(property.value());  // the value the file holds now
          properties[rule.location] = Json{{"Bucket", Json{{"Ref", kCodeBucketParameter}}}, {"Key", file.key}};
        } else {
          properties[property.key()] = std::move(property.value());
        }
      }
      resource["Properties"] = std::move(properties);
      sizes[item.key()] = measureJson(resource);
      uploaded.push_back(std::move(file));
    }
  }
}

}  // namespace jaws::emit::split
