// `Mappings` and `Fn::FindInMap` as lets and members (CfnMappings.h).
#include "import/CfnMappings.h"


#include "import/CfnText.h"
#include "import/JawsText.h"

namespace jaws::importer {

std::optional<std::string> CfnMappings::findInMap(ImportReport& report, const YAML::Node& at, const YAML::Node& argument,
                                                  const ConditionOperands& keys, const Expression& value) {
  const auto refuse = [&](const std::string& why) -> std::optional<std::string> {
    report.add(diag::ImportIntrinsicUnsupported(report.at(at), "Fn::FindInMap", why));
    return std::nullopt;
  };
  if (!argument.IsSequence() || argument.size() != 3) return refuse("only the form [table, key, key] is translated (no default value)");
  if (!argument[0].IsScalar() || intrinsicOf(argument[0])) return refuse("the table is not named by a plain name");
  const std::string table = argument[0].Scalar();
  const YAML::Node rows = child(mappings_, table);
  if (!rows || !rows.IsMap()) return refuse("`" + table + "` is not a table of the file's Mappings");
  const YAML::Node top = argument[1], second = argument[2];
  if (!second.IsScalar() || intrinsicOf(second) || second.Scalar().find("${") != std::string::npos)
    return refuse("its second key is computed; only the first may be the stage, the region or a param");
  const std::string column = second.Scalar();
  if (top.IsScalar() && !intrinsicOf(top) && top.Scalar().find("${") == std::string::npos) {  // literal keys: the value itself
    const YAML::Node cell = child(child(rows, top.Scalar()), column);
    if (!cell) return refuse("`" + table + "` has no value for `" + top.Scalar() + "`, `" + column + "`");
    return value(cell);
  }
  if (!isIdentifier(column)) return refuse("the key `" + column + "` is no name a member can have; rename it in the table");
  bool deployTime = false;
  const auto key = keys.operand(top, deployTime);
  if (!key || deployTime) return refuse("its key is known only at deploy time; Jaws looks up by the stage, the region or a param");
  auto found = lets_.find({table, *key});
  if (found == lets_.end()) {
    const std::string name = reserveName_(lowerDeclarationName(table));
    std::string chain;
    for (const auto& row : rows) {
      auto text = value(row.second);
      if (!text) return std::nullopt;  // reported by `value`
      chain += *key + " == " + stringLiteral(row.first.Scalar()) + " ? " + *text + " : ";
    }
    const std::string let = "/// The row of the template's mapping `" + table + "` for `" + *key +
                            "` (null where it has none: a use is then an error there).\nlet " + name + " = " + chain + "null\n\n";
    found = lets_.emplace(std::make_pair(table, *key), std::make_pair(name, let)).first;
  }
  return found->second.first + "." + column;
}

std::string CfnMappings::lets() const {
  std::string out;
  for (const auto& [key, let] : lets_) out += let.second;
  return out;
}

}  // namespace jaws::importer
