#include "emit/cloudformation/CfnValues.h"

#include "emit/JsonObjects.h"
#include "emit/cloudformation/CfnNames.h"

namespace jaws::emit {

using model::DeployRef;
using model::Value;

namespace {

constexpr std::int64_t kMegabyte = 1024 * 1024;

// The logical ID of the API a reference names: its RestApi or HttpApi.
std::string apiLogicalId(const std::string& name, const model::Stack& stack) {
  for (const auto& api : stack.apis) {
    if (api.name == name) return names::api(api);
  }
  return names::restApi(name);
}

// Builds the text of a string that may embed deploy-time references. Literal
// text is kept twice: as written (for a plain string) and escaped for Fn::Sub
// (`${` becomes `${!`), since only references to resources need Fn::Sub.
class SubBuilder {
 public:
  explicit SubBuilder(const model::Stack& stack) : stack_(stack) {}

  void literal(const std::string& text) {
    plain_ += text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      sub_ += text[i];
      if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
        sub_ += "{!";
        ++i;
      }
    }
  }

  void reference(const DeployRef& ref) {
    if (ref.kind == DeployRef::Kind::SsmParameter || ref.kind == DeployRef::Kind::Secret) {
      // Dynamic references are resolved inside any string; no Fn::Sub needed.
      const std::string text = dynamicReference(ref);
      plain_ += text;
      sub_ += text;
      return;
    }
    needsSub_ = true;
    sub_ += subFragment(ref);
  }

  Json result() const {
    if (!needsSub_) return plain_;
    return jsonObject({{"Fn::Sub", sub_}});
  }

 private:
  std::string subFragment(const DeployRef& ref) const {
    switch (ref.kind) {
      case DeployRef::Kind::FunctionArn: return "${" + names::function(ref.target) + ".Arn}";
      case DeployRef::Kind::FunctionName: return "${" + names::function(ref.target) + "}";
      case DeployRef::Kind::ApiUrl:
        return "https://${" + apiLogicalId(ref.target, stack_) + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/" + stack_.stage.name;
      case DeployRef::Kind::ApiId: return "${" + apiLogicalId(ref.target, stack_) + "}";
      case DeployRef::Kind::FunctionUrl: return "${" + names::functionUrl(ref.target) + ".FunctionUrl}";
      case DeployRef::Kind::FunctionRole: return "${" + names::role(ref.target) + ".Arn}";
      case DeployRef::Kind::ResourceRef: return "${" + names::resource(ref.target) + "}";
      case DeployRef::Kind::ResourceAttr: return "${" + names::resource(ref.target) + "." + ref.attribute + "}";
      case DeployRef::Kind::AccountId: return "${AWS::AccountId}";
      case DeployRef::Kind::PseudoParameter: return "${" + ref.name + "}";
      case DeployRef::Kind::SsmParameter:
      case DeployRef::Kind::Secret: break;
    }
    return dynamicReference(ref);
  }

  const model::Stack& stack_;
  std::string plain_, sub_;
  bool needsSub_ = false;
};

std::string numberText(double number) { return Json(number).dump(); }

// Compact JSON text of a value, with deploy-time parts spliced in as strings.
void appendJsonText(const Value& value, const model::Stack& stack, SubBuilder& out) {
  switch (value.kind) {
    case Value::Kind::List:
      out.literal("[");
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i) out.literal(",");
        appendJsonText(value.items[i], stack, out);
      }
      out.literal("]");
      return;
    case Value::Kind::Object:
      out.literal("{");
      for (std::size_t i = 0; i < value.fields.size(); ++i) {
        if (i) out.literal(",");
        out.literal(Json(value.fields[i].first).dump() + ":");
        appendJsonText(value.fields[i].second, stack, out);
      }
      out.literal("}");
      return;
    case Value::Kind::Deploy:
      out.literal("\"");
      out.reference(value.ref);
      out.literal("\"");
      return;
    case Value::Kind::Concat:
      out.literal("\"");
      for (const auto& part : value.items) {
        if (part.kind == Value::Kind::Deploy) {
          out.reference(part.ref);
        } else {
          const std::string quoted = Json(part.string).dump();
          out.literal(quoted.substr(1, quoted.size() - 2));
        }
      }
      out.literal("\"");
      return;
    default: out.literal(cfnValue(value, stack).dump()); return;
  }
}

Json deployValue(const DeployRef& ref, const model::Stack& stack) {
  switch (ref.kind) {
    case DeployRef::Kind::FunctionArn: return getAtt(names::function(ref.target), "Arn");
    case DeployRef::Kind::FunctionName: return refTo(names::function(ref.target));
    case DeployRef::Kind::ApiId: return refTo(apiLogicalId(ref.target, stack));
    case DeployRef::Kind::FunctionUrl: return getAtt(names::functionUrl(ref.target), "FunctionUrl");
    case DeployRef::Kind::FunctionRole: return getAtt(names::role(ref.target), "Arn");
    case DeployRef::Kind::ResourceRef: return refTo(names::resource(ref.target));
    case DeployRef::Kind::ResourceAttr: return getAtt(names::resource(ref.target), ref.attribute);
    case DeployRef::Kind::AccountId: return refTo("AWS::AccountId");
    case DeployRef::Kind::PseudoParameter: return refTo(ref.name);
    case DeployRef::Kind::ApiUrl:
    case DeployRef::Kind::SsmParameter:
    case DeployRef::Kind::Secret: break;
  }
  SubBuilder builder(stack);
  builder.reference(ref);
  return builder.result();
}

}  // namespace

Json getAtt(std::string logicalId, std::string attribute) {
  Json pair(Json::value_t::array);
  auto& items = pair.get_ref<Json::array_t&>();
  items.reserve(2);
  items.emplace_back(std::move(logicalId));
  items.emplace_back(std::move(attribute));
  return jsonObject({{"Fn::GetAtt", std::move(pair)}});
}

Json refTo(std::string logicalId) { return jsonObject({{"Ref", std::move(logicalId)}}); }

Json megabytes(std::int64_t bytes) {
  if (bytes % kMegabyte == 0) return bytes / kMegabyte;
  return static_cast<double>(bytes) / static_cast<double>(kMegabyte);
}

Json seconds(std::int64_t milliseconds) {
  if (milliseconds % 1000 == 0) return milliseconds / 1000;
  return static_cast<double>(milliseconds) / 1000.0;
}

std::string dynamicReference(const DeployRef& ref) {
  if (ref.kind == DeployRef::Kind::SsmParameter) {
    return std::string("{{resolve:") + (ref.secure ? "ssm-secure:" : "ssm:") + ref.name + "}}";
  }
  std::string text = "{{resolve:secretsmanager:" + ref.name;
  if (!ref.jsonKey.empty()) text += ":SecretString:" + ref.jsonKey;
  return text + "}}";
}

bool isSecureSsm(const Value& value) {
  return value.kind == Value::Kind::Deploy && value.ref.kind == DeployRef::Kind::SsmParameter && value.ref.secure;
}

bool containsSecureSsm(const Value& value) {
  if (isSecureSsm(value)) return true;
  for (const auto& item : value.items) {
    if (containsSecureSsm(item)) return true;
  }
  for (const auto& [key, field] : value.fields) {
    if (containsSecureSsm(field)) return true;
  }
  return false;
}

Json ssmParameterArn(const std::string& parameterName) {
  // A name with a leading slash (`/todo/dev/token`) joins `parameter` directly.
  const std::string path = !parameterName.empty() && parameterName.front() == '/' ? parameterName : "/" + parameterName;
  return jsonObject({{"Fn::Sub", "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter" + escapeSubText(path)}});
}

std::string escapeSubText(std::string_view literal) {
  std::string out;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    out += literal[i];
    if (literal[i] == '$' && i + 1 < literal.size() && literal[i + 1] == '{') {
      out += "{!";
      ++i;
    }
  }
  return out;
}

Json cfnValue(const Value& value, const model::Stack& stack) {
  switch (value.kind) {
    case Value::Kind::Null: return nullptr;
    case Value::Kind::Bool: return value.boolean;
    case Value::Kind::Int: return value.integer;
    case Value::Kind::Number: return value.number;
    case Value::Kind::String: return value.string;
    case Value::Kind::Size: return megabytes(value.integer);
    case Value::Kind::Duration: return seconds(value.integer);
    case Value::Kind::List: {
      Json out = Json::array();
      out.get_ref<Json::array_t&>().reserve(value.items.size());
      for (const auto& item : value.items) out.push_back(cfnValue(item, stack));
      return out;
    }
    case Value::Kind::Object: {
      Json out = Json::object();
      reserveMembers(out, value.fields.size());  // growing would copy the members
      for (const auto& [key, field] : value.fields) out[key] = cfnValue(field, stack);
      return out;
    }
    case Value::Kind::Deploy: return deployValue(value.ref, stack);
    case Value::Kind::Concat: {
      SubBuilder builder(stack);
      for (const auto& part : value.items) {
        if (part.kind == Value::Kind::Deploy) {
          builder.reference(part.ref);
        } else {
          builder.literal(part.string);
        }
      }
      return builder.result();
    }
  }
  return nullptr;
}

Json cfnString(const Value& value, const model::Stack& stack) {
  switch (value.kind) {
    case Value::Kind::Null: return "";
    case Value::Kind::Bool: return value.boolean ? "true" : "false";
    case Value::Kind::Int: return std::to_string(value.integer);
    case Value::Kind::Number: return numberText(value.number);
    case Value::Kind::String: return value.string;
    case Value::Kind::Size: return megabytes(value.integer).dump();
    case Value::Kind::Duration: return seconds(value.integer).dump();
    case Value::Kind::Deploy:
    case Value::Kind::Concat: return cfnValue(value, stack);
    case Value::Kind::List:
    case Value::Kind::Object: {
      SubBuilder builder(stack);
      appendJsonText(value, stack, builder);
      return builder.result();
    }
  }
  return "";
}

}  // namespace jaws::emit
