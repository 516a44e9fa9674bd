#include "emit/split/TemplateReferences.h"

#include "emit/JsonObjects.h"

#include <cctype>
#include <set>

namespace jaws::emit::split {

namespace {

// Walks Fn::Sub text: `literal` gets the text between substitutions (with any
// `${!` kept as written), `name` each `${Name}`.
template <typename Literal, typename Name>
void scanSub(std::string_view text, Literal literal, Name name) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("${", i);
    if (open == std::string_view::npos) {
      literal(text.substr(i));
      return;
    }
    if (open + 2 < text.size() && text[open + 2] == '!') {
      literal(text.substr(i, open + 3 - i));
      i = open + 3;
      continue;
    }
    const std::size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos) {
      literal(text.substr(i));
      return;
    }
    literal(text.substr(i, open - i));
    name(text.substr(open + 2, close - open - 2));
    i = close + 1;
  }
}

Reference referenceOf(std::string_view name) {
  if (isPseudoParameter(name)) return {std::string(name), ""};
  const std::size_t dot = name.find('.');
  if (dot == std::string_view::npos) return {std::string(name), ""};
  return {std::string(name.substr(0, dot)), std::string(name.substr(dot + 1))};
}

bool isIntrinsic(const Json& value, const char* key) {
  return value.is_object() && value.size() == 1 && value.begin().key() == key;
}

// The (resource, attribute) of a Fn::GetAtt argument, or false when it is not
// one this splitter understands (an attribute given by a Ref).
bool getAttReference(const Json& argument, Reference& out) {
  if (argument.is_string()) {
    const std::string text = argument.get<std::string>();
    const std::size_t dot = text.find('.');
    if (dot == std::string::npos) return false;
    out = {text.substr(0, dot), text.substr(dot + 1)};
    return true;
  }
  if (argument.is_array() && argument.size() == 2 && argument[0].is_string() && argument[1].is_string()) {
    out = {argument[0].get<std::string>(), argument[1].get<std::string>()};
    return true;
  }
  return false;
}

bool hasSubstitution(std::string_view text) {
  bool found = false;
  scanSub(text, [](std::string_view) {}, [&](std::string_view) { found = true; });
  return found;
}

std::string unescapeSubText(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '$' && i + 2 < text.size() && text[i + 1] == '{' && text[i + 2] == '!') {
      out += '{';
      i += 2;
    }
  }
  return out;
}

Json textValue(const std::string& text) {
  if (hasSubstitution(text)) return Json{{"Fn::Sub", text}};
  return unescapeSubText(text);
}

Json replaced(const Replacement& r, const Json& original) {
  switch (r.kind) {
    case Replacement::Kind::Keep: return original;
    case Replacement::Kind::Ref: return Json{{"Ref", r.name}};
    case Replacement::Kind::GetAtt: return Json{{"Fn::GetAtt", Json::array({r.name, r.attribute})}};
    case Replacement::Kind::Text: return textValue(r.text);
  }
  return original;
}

std::string variableName(const Replacement& r) {
  std::string out;
  for (char c : r.name + r.attribute) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

Json rewriteSub(const Json& argument, const ReferenceRewriter& rewrite) {
  std::string text;
  Json variables = Json::object();
  if (argument.is_string()) {
    text = argument.get<std::string>();
  } else if (argument.is_array() && argument.size() == 2 && argument[0].is_string() && argument[1].is_object()) {
    text = argument[0].get<std::string>();
    for (const auto& [name, value] : argument[1].items()) variables[name] = rewriteReferences(value, rewrite);
  } else {
    return Json{{"Fn::Sub", rewriteReferences(argument, rewrite)}};
  }
  std::set<std::string> ownVariables;
  for (const auto& item : variables.items()) ownVariables.insert(item.key());
  std::string out;
  scanSub(
      text, [&](std::string_view literal) { out += literal; },
      [&](std::string_view name) {
        if (ownVariables.count(std::string(name)) != 0) {
          out += "${" + std::string(name) + "}";
          return;
        }
        const Replacement r = rewrite(referenceOf(name));
        switch (r.kind) {
          case Replacement::Kind::Keep: out += "${" + std::string(name) + "}"; break;
          case Replacement::Kind::Ref: out += "${" + r.name + "}"; break;
          case Replacement::Kind::Text: out += r.text; break;
          case Replacement::Kind::GetAtt: {
            std::string variable = variableName(r);
            while (variables.contains(variable) && variables[variable] != replaced(r, Json())) variable += "X";
            variables[variable] = replaced(r, Json());
            out += "${" + variable + "}";
            break;
          }
        }
      });
  if (variables.empty()) return textValue(out);
  return Json{{"Fn::Sub", Json::array({out, variables})}};
}

}  // namespace

bool isPseudoParameter(std::string_view name) { return name.rfind("AWS::", 0) == 0; }

void collectReferences(const Json& value, std::vector<Reference>& out) {
  // Walks the containers directly (no iteration proxies): this reads every
  // value of every template a split plans, API bodies included.
  if (value.is_array()) {
    for (const auto& item : value.get_ref<const Json::array_t&>()) collectReferences(item, out);
    return;
  }
  if (!value.is_object()) return;
  const auto& object = value.get_ref<const Json::object_t&>();
  if (object.size() == 1) {
    const std::string& key = object.front().first;
    const Json& argument = object.front().second;
    if (key == "Ref") {
      if (argument.is_string() && !isPseudoParameter(argument.get_ref<const std::string&>())) {
        out.push_back({argument.get<std::string>(), ""});
      }
      return;
    }
    if (key == "Fn::GetAtt") {
      Reference ref;
      if (getAttReference(argument, ref)) out.push_back(std::move(ref));
      return;
    }
    if (key == "Fn::Sub") {
      const Json* text = argument.is_string() ? &argument : nullptr;
      const Json* variables = nullptr;
      if (argument.is_array() && argument.size() == 2 && argument[0].is_string() && argument[1].is_object()) {
        text = &argument[0];
        variables = &argument[1];
        for (const auto& member : variables->get_ref<const Json::object_t&>()) collectReferences(member.second, out);
      }
      if (text == nullptr) {
        collectReferences(argument, out);
        return;
      }
      scanSub(
          text->get_ref<const std::string&>(), [](std::string_view) {},
          [&](std::string_view name) {
            if (isPseudoParameter(name)) return;
            if (variables != nullptr && variables->find(name) != variables->end()) return;
            out.push_back(referenceOf(name));
          });
      return;
    }
  }
  for (const auto& member : object) collectReferences(member.second, out);
}

std::vector<std::string> dependsOn(const Json& resource) {
  std::vector<std::string> out;
  if (!resource.is_object() || !resource.contains("DependsOn")) return out;
  const Json& value = resource["DependsOn"];
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_array()) {
    for (const auto& item : value) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

Json rewriteReferences(const Json& value, const ReferenceRewriter& rewrite) {
  if (value.is_array()) {
    Json out = Json::array();
    for (const auto& item : value) out.push_back(rewriteReferences(item, rewrite));
    return out;
  }
  if (!value.is_object()) return value;
  if (isIntrinsic(value, "Ref")) {
    const Json& target = value.begin().value();
    if (!target.is_string()) return value;
    return replaced(rewrite({target.get<std::string>(), ""}), value);
  }
  if (isIntrinsic(value, "Fn::GetAtt")) {
    Reference ref;
    if (!getAttReference(value.begin().value(), ref)) return value;
    return replaced(rewrite(ref), value);
  }
  if (isIntrinsic(value, "Fn::Sub")) return rewriteSub(value.begin().value(), rewrite);
  // Reserved: a growing object copies its members deeply (JsonObjects.h),
  // and the values here are whole API bodies.
  Json out = Json::object();
  reserveMembers(out, value.size());
  for (const auto& item : value.items()) appendMember(out, item.key(), rewriteReferences(item.value(), rewrite));
  return out;
}

bool holdsIntrinsic(const Json& value, std::string& what) {
  if (value.is_array()) {
    for (const auto& item : value) {
      if (holdsIntrinsic(item, what)) return true;
    }
    return false;
  }
  if (!value.is_object()) return false;
  if (value.size() == 1) {
    const std::string& key = value.begin().key();
    if (key == "Ref" || key.rfind("Fn::", 0) == 0) {
      what = key + " " + value.begin().value().dump(-1, ' ', false, Json::error_handler_t::replace);
      if (what.size() > 120) what = what.substr(0, 117) + "...";
      return true;
    }
  }
  for (const auto& item : value.items()) {
    if (holdsIntrinsic(item.value(), what)) return true;
  }
  return false;
}

}  // namespace jaws::emit::split
