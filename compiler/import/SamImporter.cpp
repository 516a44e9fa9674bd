// A SAM template as a Jaws project: `Parameters` become params (a stage
// parameter becomes the stages), `Conditions` lets for `@when`, functions and
// APIs their declarations, the other resources raw resources, `Outputs`
// outputs. What has no translation is reported.
#include "import/SamImporter.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "import/CfnText.h"
#include "import/JawsText.h"
#include "import/SamParts.h"

namespace jaws::importer {

namespace {

constexpr const char* kServerlessTransform = "AWS::Serverless-2016-10-31";

// Parameters that name the environment a stack is for, by the names SAM
// projects give them.
bool stageParameterName(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name == "stage" || name == "stagename" || name == "environment" || name == "env" || name == "envname" ||
         name == "environmentname" || name == "environmenttype" || name == "envtype" || name == "deploymentstage" ||
         name == "appstage" || name == "appenv";
}

bool stageName(const std::string& name) { return isIdentifier(name) && declarationName(name) == name; }

class SamImporter {
 public:
  SamImporter(const YAML::Node& root, const std::string& codePrefix, const std::string& projectName, ImportReport& report)
      : root_(root), projectName_(projectName), values_(report, projectName), import_{report, values_, child(root, "Globals"), "", codePrefix, {}} {}

  ImportedProject run();

 private:
  std::string unique(std::string name) {
    while (!taken_.insert(name).second) name += "_";
    return name;
  }
  void topLevel();
  void chooseStages();
  void nameDeclarations();
  std::string paramsText();
  std::string conditionsText();
  std::string projectText(const std::string& params, const std::string& conditions);
  std::string apisText();

  const YAML::Node& root_;
  std::string projectName_;
  SamValues values_;
  SamImport import_;
  std::set<std::string> taken_;
  std::vector<std::string> stages_;
  std::string stageParameter_;
  std::map<std::string, std::string> functionNames_;  // logical id -> declaration
  std::map<std::string, std::string> resourceNames_;
};

void SamImporter::topLevel() {
  for (const auto& entry : root_) {
    const std::string key = entry.first.Scalar();
    if (key == "AWSTemplateFormatVersion" || key == "Transform" || key == "Description" || key == "Globals" || key == "Parameters" ||
        key == "Conditions" || key == "Resources" || key == "Outputs" || key == "Mappings")
      continue;
    if (key == "Metadata") import_.report.add(diag::ImportSettingIgnored(import_.report.at(entry.first), "Metadata"));
    else import_.report.add(diag::ImportSettingUnsupported(import_.report.at(entry.first), key, "Jaws writes its own template sections"));
  }
  for (const auto& entry : child(root_, "Globals")) {
    const std::string key = entry.first.Scalar();
    if (key != "Function" && key != "Api" && key != "HttpApi")
      import_.report.add(diag::ImportSettingUnsupported(import_.report.at(entry.first), "Globals." + key, "only Function, Api and HttpApi globals are translated"));
  }
}

// A stage parameter (`Stage`, `Environment`, ...) becomes the stages, one per
// allowed value; without one the project has one stage, named after the APIs'
// stage (SAM's default is `Prod`), so the URLs keep their path.
void SamImporter::chooseStages() {
  for (const auto& entry : child(root_, "Parameters")) {
    const std::string name = entry.first.Scalar();
    if (!stageParameterName(name) || !stageParameter_.empty()) continue;
    std::vector<std::string> stages;
    for (const YAML::Node& value : child(entry.second, "AllowedValues")) stages.push_back(value.Scalar());
    const YAML::Node fallback = child(entry.second, "Default");
    if (stages.empty() && fallback) stages.push_back(fallback.Scalar());
    if (stages.empty() || !std::all_of(stages.begin(), stages.end(), stageName)) continue;
    if (fallback && std::find(stages.begin(), stages.end(), fallback.Scalar()) != stages.end()) {
      std::rotate(stages.begin(), std::find(stages.begin(), stages.end(), fallback.Scalar()), std::find(stages.begin(), stages.end(), fallback.Scalar()) + 1);
    }
    stageParameter_ = name;
    stages_ = stages;
  }
  if (stages_.empty()) {
    std::string stage = "Prod";
    for (const auto& entry : child(root_, "Resources")) {
      const YAML::Node name = settingOf(withGlobals(import_.globals, "Api", child(entry.second, "Properties")), "StageName");
      if (child(entry.second, "Type").Scalar() == "AWS::Serverless::Api" && name && name.IsScalar() && !intrinsicOf(name) && stageName(name.Scalar())) {
        stage = name.Scalar();
        break;
      }
    }
    stages_.push_back(stage);
  }
  import_.stageName = stages_.front();
}

void SamImporter::nameDeclarations() {
  taken_ = {projectName_, "restApi", "httpApi"};
  for (const auto& entry : child(root_, "Parameters")) {
    const std::string id = entry.first.Scalar();
    if (id == stageParameter_) values_.name(id, "stage", SamValues::Kind::Stage);
    else values_.name(id, unique(lowerDeclarationName(id)), SamValues::Kind::Param);
    const std::string type = child(entry.second, "Type").Scalar();
    if (type.rfind("AWS::SSM::Parameter::Value", 0) == 0) values_.deployTimeParam(id);
  }
  for (const auto& entry : child(root_, "Conditions")) values_.name(entry.first.Scalar(), unique(lowerDeclarationName(entry.first.Scalar())), SamValues::Kind::Condition);
  for (const auto& entry : child(root_, "Resources")) {
    const std::string id = entry.first.Scalar();
    const std::string type = child(entry.second, "Type") ? child(entry.second, "Type").Scalar() : "";
    if (type == "AWS::Serverless::Function") {
      functionNames_[id] = unique(lowerDeclarationName(id));
      values_.name(id, functionNames_[id], SamValues::Kind::Function);
    } else if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi") {
      const bool http = type == "AWS::Serverless::HttpApi";
      SamApi& api = import_.apis[id];
      api.declaration = unique(lowerDeclarationName(id));
      api.http = http;
      values_.name(id, api.declaration, http ? SamValues::Kind::HttpApi : SamValues::Kind::RestApi);
    } else {
      resourceNames_[id] = unique(declarationName(id));
      values_.name(id, resourceNames_[id], SamValues::Kind::Resource);
    }
  }
  // The APIs SAM creates for events without an API, by the ids outputs use.
  values_.name("ServerlessRestApi", "restApi", SamValues::Kind::RestApi);
  values_.name("ServerlessHttpApi", "httpApi", SamValues::Kind::HttpApi);
}

std::string SamImporter::paramsText() {
  std::string out;
  for (const auto& entry : child(root_, "Parameters")) {
    const std::string id = entry.first.Scalar();
    if (id == stageParameter_) continue;
    const YAML::Node p = entry.second;
    const std::string type = child(p, "Type") ? child(p, "Type").Scalar() : "String";
    const bool list = type == "CommaDelimitedList" || type.rfind("List<", 0) == 0 || type.find("<List<") != std::string::npos;
    const bool number = type == "Number";
    std::string jawsType = list ? "string[]" : number ? "number" : "string";
    if (const YAML::Node allowed = child(p, "AllowedValues"); allowed && allowed.IsSequence() && !list) {
      jawsType.clear();
      for (const YAML::Node& value : allowed) {
        const std::string literal = number ? plainLiteral(value.Scalar()) : stringLiteral(value.Scalar());
        jawsType += (jawsType.empty() ? "" : " | ") + (literal.empty() ? stringLiteral(value.Scalar()) : literal);
      }
    }
    std::string decorators;
    const auto decorator = [&](const char* key, const char* name, bool quoted) {
      if (const YAML::Node v = child(p, key)) decorators += std::string("@") + name + "(" + (quoted ? stringLiteral(v.Scalar()) : v.Scalar()) + ")\n";
    };
    decorator("AllowedPattern", "pattern", true);
    decorator("MinLength", "minLength", false);
    decorator("MaxLength", "maxLength", false);
    decorator("MinValue", "min", false);
    decorator("MaxValue", "max", false);
    std::string value;
    const YAML::Node fallback = child(p, "Default");
    if (type.rfind("AWS::SSM::Parameter::Value", 0) == 0) {
      if (fallback) value = "ssm(" + stringLiteral(fallback.Scalar()) + ")";
    } else if (fallback && list) {
      std::string items;
      std::stringstream stream(fallback.Scalar());
      std::string item;
      while (std::getline(stream, item, ',')) items += (items.empty() ? "" : ", ") + stringLiteral(item);
      value = "[" + items + "]";
    } else if (fallback) {
      value = number && !plainLiteral(fallback.Scalar()).empty() ? fallback.Scalar() : stringLiteral(fallback.Scalar());
    }
    if (!fallback) import_.report.add(diag::ImportParameterWithoutDefault(import_.report.at(entry.first), id));
    if (const YAML::Node secret = child(p, "NoEcho"); secret && secret.Scalar() == "true")
      import_.report.add(diag::ImportSettingUnsupported(import_.report.at(secret), id + ".NoEcho",
                                                        "a secret belongs in SSM or Secrets Manager: `@secure param x: string = ssm(\"...\")`"));
    for (const auto& attribute : p) {
      const std::string key = attribute.first.Scalar();
      static const std::set<std::string> read = {"Type", "Default", "Description", "AllowedValues", "AllowedPattern", "MinLength",
                                                 "MaxLength", "MinValue", "MaxValue", "NoEcho", "ConstraintDescription"};
      if (!read.count(key))
        import_.report.add(diag::ImportSettingUnsupported(import_.report.at(attribute.first), id + "." + key, "Jaws params have no such setting"));
    }
    out += (child(p, "Description") ? docComment(child(p, "Description").Scalar()) : "/// The template's parameter `" + id + "`.\n");
    out += decorators + "param " + values_.declaration(id) + ": " + jawsType + (value.empty() ? "" : " = " + value) + "\n\n";
  }
  return out;
}

std::string SamImporter::conditionsText() {
  return conditionLets(
      import_.report, child(root_, "Conditions"), values_.conditionOperands(), [this](const std::string& id) { return values_.declaration(id); },
      [this](const std::string& id) { values_.name(id, "", SamValues::Kind::Resource); });  // no longer a condition: its uses are reported
}

std::string SamImporter::apisText() {
  std::string out;
  for (auto& [id, api] : import_.apis) {
    if (api.routes.empty() && id.rfind("Serverless", 0) == 0) continue;
    out += api.doc;
    out += api.when + "api " + api.declaration + " {\n";
    for (const std::string& attribute : api.attributes) out += "  " + attribute + "\n";
    for (const std::string& route : api.routes) out += "  " + route + "\n";
    out += "}\n\n";
  }
  return out;
}

std::string SamImporter::projectText(const std::string& params, const std::string& conditions) {
  std::string out = "/// Imported from a SAM template.\nproject " + projectName_ + " {\n";
  if (const YAML::Node description = child(root_, "Description"); description && description.IsScalar()) {
    std::string text = docComment(description.Scalar());
    if (!text.empty() && text.size() <= 1024 + 5) out += "  description = " + stringLiteral(text.substr(4, text.size() - 5)) + "\n";
  }
  out += "  regions = [\"us-east-1\"]\n}\n\n" + params + conditions;
  for (const std::string& stage : stages_) out += "stage " + stage + " {}\n";
  return out;
}

ImportedProject SamImporter::run() {
  topLevel();
  chooseStages();
  nameDeclarations();
  const std::string params = paramsText();
  const std::string conditions = conditionsText();
  values_.mappings().use(child(root_, "Mappings"), [this](const std::string& name) { return unique(name); });
  // The APIs first: the functions' events look their authorizers up.
  for (const auto& entry : child(root_, "Resources")) {
    const std::string id = entry.first.Scalar();
    if (!import_.apis.count(id)) continue;
    SamApi& api = import_.apis.at(id);
    if (const YAML::Node description = child(child(entry.second, "Properties"), "Description"); description && description.IsScalar())
      api.doc = docComment(description.Scalar());
    std::vector<std::string> handled = {"Type", "Properties"};
    api.when = declarationOptions(import_, entry.second, false, handled);
    const std::vector<SamSetting> properties = withGlobals(import_.globals, api.http ? "HttpApi" : "Api", child(entry.second, "Properties"));
    if (const YAML::Node stage = settingOf(properties, "StageName"); stage && stage.IsScalar() && !intrinsicOf(stage) && stage.Scalar() != import_.stageName)
      import_.report.add(diag::ImportSettingUnsupported(import_.report.at(stage), "StageName",
                                                        "the API's stage is the Jaws stage (`" + import_.stageName + "`)"));
    importApiSettings(import_, api, properties);
  }
  std::string functions, resources;
  for (const auto& entry : child(root_, "Resources")) {
    const std::string id = entry.first.Scalar();
    if (functionNames_.count(id)) {
      functions += importSamFunction(import_, functionNames_.at(id), entry.second) + "\n\n";
    } else if (resourceNames_.count(id)) {
      const std::string text = importSamResource(import_, resourceNames_.at(id), id, entry.second);
      if (!text.empty()) resources += text + "\n\n";
    }
  }
  resources += importSamOutputs(import_, child(root_, "Outputs"), taken_);
  const std::string apis = apisText();
  ImportedProject out;
  out.files["project.jaws"] = projectText(params, conditions + values_.mappings().lets());  // last: the lets of the lookups made
  if (!functions.empty()) out.files["functions.jaws"] = "// The functions of the SAM template and what invokes them.\n\n" + functions;
  if (!apis.empty()) out.files["api.jaws"] = "// The APIs whose routes invoke the functions.\n\n" + apis;
  if (!resources.empty()) out.files["resources.jaws"] = "// The other resources and the outputs of the SAM template.\n\n" + resources;
  return out;
}

}  // namespace

bool isSamTemplate(const YAML::Node& root) {
  if (!root.IsMap()) return false;
  const YAML::Node transform = child(root, "Transform");
  if (transform && transform.IsScalar()) return transform.Scalar() == kServerlessTransform;
  if (transform && transform.IsSequence()) {
    for (const YAML::Node& item : transform) {
      if (item.IsScalar() && item.Scalar() == kServerlessTransform) return true;
    }
  }
  return false;
}

ImportedProject importSam(const YAML::Node& root, const std::string& codePrefix, const std::string& projectName, ImportReport& report) {
  return SamImporter(root, codePrefix, projectName, report).run();
}

}  // namespace jaws::importer
