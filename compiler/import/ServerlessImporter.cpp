// A serverless.yml as a Jaws project: `provider` becomes the project block and
// its stage, `custom` values and variables become params, `functions` become
// functions (their events routes and event sources), `resources` become raw
// resources and outputs. What has no translation is reported.
#include "import/ServerlessImporter.h"

#include <algorithm>

#include "import/CfnConditions.h"
#include "import/JawsText.h"
#include "import/ServerlessParts.h"

namespace jaws::importer {

namespace {

// Serverless's own defaults where they differ from Jaws's (1024 MB, 6 s).
constexpr const char* kServerlessMemory = "1024";
constexpr const char* kServerlessTimeout = "6";

// Settings of the Serverless command line itself: nothing is deployed by them.
bool cliSetting(const std::string& key) {
  return key == "frameworkVersion" || key == "configValidationMode" || key == "variablesResolutionMode" ||
         key == "useDotenv" || key == "deprecationNotificationMode" || key == "disabledDeprecations" || key == "org" ||
         key == "app" || key == "console" || key == "dashboard";
}

// The logical id Serverless gives a function (`hello-world` -> `HelloDashworldLambdaFunction`).
std::string serverlessLogicalId(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '-') out += "Dash";
    else if (c == '_') out += "Underscore";
    else out += c;
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out + "LambdaFunction";
}

class ServerlessImporter {
 public:
  ServerlessImporter(const YAML::Node& root, const std::string& codePrefix, ImportReport& report)
      : root_(root), codePrefix_(codePrefix), report_(report), values_(root, report), import_{root, report, values_, {}, {}, {}, {}, {}, {}} {}

  ImportedProject run() {
    nameDeclarations();
    for (const auto& entry : root_) {
      const std::string key = entry.first.Scalar();
      if (cliSetting(key)) report_.add(diag::ImportSettingIgnored(report_.at(entry.first), key));
      else if (key == "plugins") plugins(entry.second);
      else if (key != "service" && key != "provider" && key != "functions" && key != "resources" && key != "custom" &&
               key != "package" && key != "params")
        report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), key, "Jaws has no such top-level setting"));
    }
    if (root_["package"]) packageSettings(root_["package"], "package");
    values_.mappings().use(child(child(root_, "resources"), "Mappings"), [this](const std::string& name) { return import_.reserveName(name); });
    // First: a condition not carried over is no longer one, and its uses are reported.
    conditions_ = conditionLets(
        report_, child(child(root_, "resources"), "Conditions"), values_.conditionOperands(),
        [this](const std::string& id) { return values_.declaration(id); }, [this](const std::string& id) { values_.name(id, "", "resource"); });
    const std::string functions = functionsText();
    const std::string api = apisText();  // before the resources: API keys and usage plans are resources
    const std::string resources = resourcesText();
    const std::string project = projectText();  // last: the others add params
    ImportedProject out;
    out.files["project.jaws"] = project;
    if (!functions.empty()) out.files["functions.jaws"] = functions;
    if (!api.empty()) out.files["api.jaws"] = api;
    if (!resources.empty()) out.files["resources.jaws"] = resources;
    return out;
  }

 private:
  // Functions and resources by the logical ids CloudFormation values use.
  void nameDeclarations() {
    import_.takenNames = {declarationName(values_.service().empty() ? "imported" : values_.service()), "providerPermissions", "restApi",
                          "httpApi"};
    const auto unique = [&](const std::string& name) { return import_.reserveName(name); };
    if (const YAML::Node functions = root_["functions"]; functions && functions.IsMap()) {
      for (const auto& entry : functions) {
        const std::string yamlName = entry.first.Scalar();
        const std::string name = unique(declarationName(yamlName));
        import_.functionNames[yamlName] = name;
        values_.name(serverlessLogicalId(yamlName), name, "function");
      }
    }
    if (const YAML::Node resources = child(child(root_, "resources"), "Resources"); resources && resources.IsMap()) {
      for (const auto& entry : resources) {
        const std::string id = entry.first.Scalar();
        const std::string name = unique(declarationName(id));
        import_.resourceNames[id] = name;
        values_.name(id, name, "resource");
      }
    }
    for (const auto& entry : child(child(root_, "resources"), "Conditions")) {
      values_.name(entry.first.Scalar(), unique(lowerDeclarationName(entry.first.Scalar())), "condition");
    }
    values_.name("ApiGatewayRestApi", "restApi", "api");
    values_.name("HttpApi", "httpApi", "api");
  }

  void plugins(const YAML::Node& plugins) {
    const YAML::Node list = plugins.IsMap() ? plugins["modules"] : plugins;
    if (!list || !list.IsSequence()) return;
    for (const YAML::Node& plugin : list) {
      report_.add(diag::ImportSettingUnsupported(report_.at(plugin), "plugins: " + plugin.Scalar(),
                                                 "plugins run inside the Serverless Framework; what it adds is not imported"));
    }
  }

  void packageSettings(const YAML::Node& package, const std::string& where) {
    if (!package.IsMap()) return;
    for (const auto& entry : package) {
      const std::string key = entry.first.Scalar();
      if (key == "individually" || key == "excludeDevDependencies") continue;  // Jaws packages each source folder alike
      report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), where + "." + key,
                                                 "Jaws packages the function's `source` folder, minus `.jawsignore` (docs/build.md)"));
    }
  }

  // `attribute = value` lines shared by the provider and functions.
  void commonSettings(const YAML::Node& block, std::vector<std::string>& lines, bool project) {
    if (const YAML::Node runtime = block["runtime"]) {
      if (auto v = values_.expression(runtime, true)) lines.push_back("runtime = " + *v);
    }
    const auto amount = [&](const char* key, const char* unit, const char* fallback, const char* attribute) {
      const YAML::Node node = block[key];
      std::string text = node && node.IsScalar() ? node.Scalar() : (project ? fallback : "");
      if (text.empty()) return;
      if (plainLiteral(text).empty() || text.find('.') != std::string::npos) {
        report_.add(diag::ImportSettingUnsupported(report_.at(node), key, "only a plain number is translated"));
        return;
      }
      lines.push_back(std::string(attribute) + " = " + text + unit);
    };
    amount("memorySize", "MB", kServerlessMemory, "memory");
    amount("timeout", "s", kServerlessTimeout, "timeout");
    if (const YAML::Node architecture = block["architecture"]) {
      if (auto v = values_.expression(architecture, true)) lines.push_back("architecture = " + *v);
    }
    if (const YAML::Node retention = block["logRetentionInDays"]) {
      if (auto v = values_.expression(retention)) lines.push_back("logRetention = " + *v);
    }
    if (const YAML::Node tags = block["tags"]) {
      if (auto v = values_.expression(tags, true)) lines.push_back("tags = " + *v);
    }
    if (const YAML::Node environment = block["environment"]; environment && environment.IsMap()) {
      std::vector<std::string> entries;
      for (const auto& entry : environment) {
        if (auto v = values_.expression(entry.second, true)) entries.push_back(objectKey(entry.first.Scalar()) + " = " + *v);
      }
      if (!entries.empty()) lines.push_back("env = { " + joinText(entries) + " }");
    }
  }

  // The provider's IAM statements, given to every function (Serverless's one
  // role is shared by all of them).
  void iamStatements() {
    const YAML::Node provider = root_["provider"];
    YAML::Node statements;  // reset(), not `=`: assigning a yaml-cpp node writes into the tree
    statements.reset(child(provider, "iamRoleStatements"));
    if (const YAML::Node iam = provider["iam"]) {
      for (const auto& entry : iam) {
        const std::string key = entry.first.Scalar();
        if (key == "role" && entry.second.IsMap()) {
          for (const auto& part : entry.second) {
            if (part.first.Scalar() == "statements") statements.reset(part.second);
            else report_.add(diag::ImportSettingUnsupported(report_.at(part.first), "provider.iam.role." + part.first.Scalar(),
                                                            "Jaws generates each function's role from its statements"));
          }
        } else if (key != "role") {  // a role's ARN or name: every function's `role`
          report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), "provider.iam." + key,
                                                     "Jaws generates each function's role from its statements"));
        }
      }
    }
    if (!statements || !statements.IsSequence()) return;
    for (const YAML::Node& statement : statements) {
      const YAML::Node effect = statement["Effect"];
      if (!effect || effect.Scalar() != "Allow" || !statement["Action"] || !statement["Resource"] || statement["Condition"] ||
          statement["NotAction"] || statement["NotResource"]) {
        report_.add(diag::ImportSettingUnsupported(report_.at(statement), "IAM statement",
                                                   "`allow(actions, resources)` has no Deny, Condition, NotAction or NotResource"));
        continue;
      }
      auto actions = values_.expression(statement["Action"], true);
      auto resources = values_.expression(statement["Resource"], true);
      if (actions && resources) permissions_.push_back("allow(" + *actions + ", " + *resources + ")");
    }
  }

  std::string functionsText() {
    iamStatements();
    const YAML::Node functions = root_["functions"];
    std::string out = "// The functions of the serverless.yml and what invokes them.\n\n";
    if (!permissions_.empty()) {
      out += "/// The provider's IAM statements: Serverless gives them to every function.\nlet providerPermissions = [" +
             joinText(permissions_) + "]\n\n";
    }
    if (!functions || !functions.IsMap()) return permissions_.empty() ? "" : out;
    for (const auto& entry : functions) {
      const std::string name = import_.functionNames.at(entry.first.Scalar());
      out += functionText(name, entry.second) + "\n\n";
    }
    return out;
  }

  std::string functionText(const std::string& name, const YAML::Node& fn) {
    std::vector<std::string> lines;
    std::string doc;
    if (fn["description"] && fn["description"].IsScalar() && fn["description"].Scalar().find("${") == std::string::npos &&
        fn["description"].Scalar().find('\n') == std::string::npos)
      doc = "/// " + fn["description"].Scalar() + "\n";
    if (const YAML::Node handler = fn["handler"]; handler && handler.IsScalar()) {
      lines.push_back("handler = " + stringLiteral(codePrefix_ + handler.Scalar()));
      if (handler.Scalar().find('.') == std::string::npos)
        report_.add(diag::ImportSettingUnsupported(report_.at(handler), "handler", "a compiled binary's name; Jaws handlers are module.export"));
    } else if (fn["image"]) {
      report_.add(diag::ImportSettingUnsupported(report_.at(fn["image"]), "image", "container image functions are not supported"));
    }
    commonSettings(fn, lines, false);
    if (fn["layers"]) {
      if (auto v = values_.expression(fn["layers"], true)) lines.push_back("layers = " + *v);
    }
    if (fn["reservedConcurrency"]) {
      if (auto v = values_.expression(fn["reservedConcurrency"])) lines.push_back("reservedConcurrency = " + *v);
    }
    if (fn["url"]) {
      if (fn["url"].IsScalar() && fn["url"].Scalar() == "true") lines.push_back("url = true");
      else report_.add(diag::ImportSettingUnsupported(report_.at(fn["url"]), "url", "only `url: true` is translated"));
    }
    importFunctionOptions(import_, fn, lines);
    // A function with its own role runs under it: Serverless's shared role, and its statements, are not its.
    const bool ownRole = std::any_of(lines.begin(), lines.end(), [](const std::string& line) { return line.rfind("role = ", 0) == 0; });
    if (!permissions_.empty() && !ownRole) lines.push_back("permissions = providerPermissions");
    const std::vector<std::string> events = fn["events"] ? importEvents(import_, name, fn["events"]) : std::vector<std::string>{};
    if (!events.empty()) lines.push_back("events = [" + joinText(events) + "]");
    for (const auto& entry : fn) {
      const std::string key = entry.first.Scalar();
      static const std::set<std::string> translated = {"handler", "description", "runtime", "memorySize", "timeout", "architecture",
                                                       "logRetentionInDays", "tags", "environment", "layers", "reservedConcurrency",
                                                       "url", "events", "image"};
      if (translated.count(key)) continue;
      if (key == "name" || key == "tracing" || key == "vpc" || key == "role" || key == "onError" || key == "destinations" ||
          key == "ephemeralStorageSize" || key == "maximumRetryAttempts" || key == "maximumEventAge")
        continue;  // the function options
      if (key == "provisionedConcurrency" || key == "kmsKeyArn" || key == "fileSystemConfig")
        report_.needsLanguageFeature(entry.first, "functions." + key, "the function option `" + key + "`");
      else if (key == "condition")
        doc += whenDecorator(report_, entry.second, values_.conditionOperands());
      else if (key == "dependsOn")
        report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), "functions.dependsOn",
                                                   "Jaws orders a function after what it refers to by itself"));
      else if (key == "package")
        packageSettings(entry.second, "functions.package");
      else
        report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), "functions." + key, "Jaws functions have no such setting"));
    }
    return doc + "function " + name + " {\n  " + joinText(lines, "\n  ") + "\n}";
  }

  // `provider.httpApi.cors: { allowedOrigins, allowedHeaders, allowCredentials, maxAge }`
  // as the API's `cors = { origins, headers, credentials, maxAge }`.
  std::optional<std::string> corsObject(const YAML::Node& cors) {
    if (!cors.IsMap()) {
      report_.add(diag::ImportSettingUnsupported(report_.at(cors), "provider.httpApi.cors", "neither `true` nor a settings object"));
      return std::nullopt;
    }
    std::vector<std::string> fields;
    for (const auto& entry : cors) {
      const std::string key = entry.first.Scalar();
      const char* field = key == "allowedOrigins" ? "origins" : key == "allowedHeaders" ? "headers"
                        : key == "allowCredentials" ? "credentials" : key == "maxAge" ? "maxAge" : nullptr;
      if (!field) {
        report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), "provider.httpApi.cors." + key,
                                                   "Jaws's CORS settings are origins, headers, credentials and maxAge (docs/http-apis.md)"));
        continue;
      }
      if (key == "maxAge" && !(entry.second.IsScalar() && !entry.second.Scalar().empty() &&
                               entry.second.Scalar().find_first_not_of("0123456789") == std::string::npos)) {
        report_.add(diag::ImportSettingUnsupported(report_.at(entry.second), "provider.httpApi.cors.maxAge", "not a number of seconds"));
        continue;
      }
      auto value = values_.expression(entry.second);
      if (!value) continue;
      if (key == "maxAge") *value += "s";  // seconds in Serverless, a duration in Jaws
      fields.push_back(std::string(field) + " = " + *value);
    }
    if (fields.empty()) return std::nullopt;
    return "{ " + joinText(fields, ", ") + " }";
  }

  std::string apisText() {
    std::string out;
    const YAML::Node provider = root_["provider"];
    const ServerlessApiSettings settings = importApiSettings(import_, provider);
    const auto api = [&](const char* name, ServerlessApi& a, bool http) {
      if (a.routes.empty()) return;
      out += std::string("api ") + name + " {\n";
      if (http) out += "  kind = \"http\"\n";
      if (http && child(child(provider, "httpApi"), "cors")) {
        const YAML::Node cors = child(child(provider, "httpApi"), "cors");
        if (cors.IsScalar() && cors.Scalar() == "true") a.cors = "true";
        else if (auto text = corsObject(cors)) a.cors = *text;
      }
      if (!http) out += "  validate = false\n";  // Serverless validates nothing unless told
      if (!http) {
        for (const std::string& line : settings.restLines) out += "  " + line + "\n";
      }
      if (!a.cors.empty()) out += "  cors = " + a.cors + "\n";
      for (const std::string& route : a.routes) out += "  " + route + "\n";
      out += "}\n\n";
    };
    api("restApi", import_.restApi, false);
    api("httpApi", import_.httpApi, true);
    apiResources_ = settings.resources;
    return out.empty() ? "" : "// The APIs whose routes invoke the functions.\n\n" + out;
  }

  std::string resourcesText() {
    std::string out;
    const YAML::Node resources = child(root_, "resources");
    if (resources && resources.IsSequence()) {
      report_.add(diag::ImportSettingUnsupported(report_.at(resources), "resources", "a list of files; write the resources in the file"));
      return out;
    }
    for (const auto& entry : resources.IsMap() ? resources : YAML::Node(YAML::NodeType::Map)) {
      const std::string key = entry.first.Scalar();
      if (key == "Resources") out += resourceDeclarations(entry.second);
      else if (key == "Outputs") out += outputDeclarations(entry.second);
      else if (key == "Conditions" || key == "Mappings") continue;  // lets of the project
      else report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), "resources." + key, "Jaws writes its own template sections"));
    }
    for (const auto& [name, text] : import_.createdResources) out += "/// Created by Serverless for an event.\n" + text + "\n\n";
    out += apiResources_;
    return out.empty() ? "" : "// The CloudFormation resources and outputs of the serverless.yml.\n\n" + out;
  }

  std::string resourceDeclarations(const YAML::Node& resources) {
    std::string out;
    if (!resources.IsMap()) return out;
    for (const auto& entry : resources) {
      const YAML::Node resource = entry.second;
      const std::string name = import_.resourceNames.at(entry.first.Scalar());
      if (!resource["Type"] || !resource["Type"].IsScalar()) {
        report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), entry.first.Scalar(), "a resource without a Type"));
        continue;
      }
      std::vector<std::string> lines;
      std::string decorators;
      for (const auto& attribute : resource) {
        const std::string key = attribute.first.Scalar();
        if (key == "Type") continue;
        if (key == "Properties" && attribute.second.IsMap()) {
          for (const auto& property : attribute.second) {
            if (auto v = values_.expression(property.second)) lines.push_back(objectKey(property.first.Scalar()) + " = " + *v);
          }
        } else if (key == "DeletionPolicy" || key == "UpdateReplacePolicy") {
          if (auto v = values_.expression(attribute.second, true))
            decorators += std::string(key == "DeletionPolicy" ? "@deletionPolicy(" : "@updateReplacePolicy(") + *v + ")\n";
        } else if (key == "DependsOn") {
          decorators += dependsOn(attribute.second);
        } else if (key == "Condition") {
          decorators += whenDecorator(report_, attribute.second, values_.conditionOperands());
        } else {
          report_.add(diag::ImportSettingUnsupported(report_.at(attribute.first), entry.first.Scalar() + "." + key,
                                                     "resource attributes other than Properties are not carried over"));
        }
      }
      out += decorators + "resource " + name + ": " + stringLiteral(resource["Type"].Scalar()) + " {\n  " + joinText(lines, "\n  ") + "\n}\n\n";
    }
    return out;
  }

  // `DependsOn` as `@dependsOn(...)`: the resources of the file and Serverless's
  // names of its functions.
  std::string dependsOn(const YAML::Node& ids) {
    std::vector<std::string> names;
    const auto add = [&](const YAML::Node& id) {
      const std::string text = id.Scalar();
      if (import_.resourceNames.count(text)) {
        names.push_back(import_.resourceNames.at(text));
        return;
      }
      for (const auto& [yamlName, declaration] : import_.functionNames) {
        if (serverlessLogicalId(yamlName) == text) {
          names.push_back(declaration);
          return;
        }
      }
      report_.add(diag::ImportSettingUnsupported(report_.at(id), "DependsOn " + text, "not a resource or function of the file"));
    };
    if (ids.IsSequence()) {
      for (const YAML::Node& id : ids) add(id);
    } else if (ids.IsScalar()) {
      add(ids);
    }
    return names.empty() ? "" : "@dependsOn(" + joinText(names) + ")\n";
  }

  std::string outputDeclarations(const YAML::Node& outputs) {
    std::string out;
    if (!outputs.IsMap()) return out;
    for (const auto& entry : outputs) {
      const YAML::Node output = entry.second;
      auto value = values_.expression(output["Value"]);
      if (!value) continue;
      std::string text;
      if (output["Description"] && output["Description"].IsScalar()) text += "/// " + output["Description"].Scalar() + "\n";
      if (const YAML::Node exported = output["Export"]) {
        auto exportName = values_.expression(exported["Name"], true);
        if (!exportName) continue;
        text += "@export(" + *exportName + ")\n";
      }
      for (const auto& attribute : output) {
        const std::string key = attribute.first.Scalar();
        if (key == "Condition") text += whenDecorator(report_, attribute.second, values_.conditionOperands());
        else if (key != "Value" && key != "Description" && key != "Export")
          report_.add(diag::ImportSettingUnsupported(report_.at(attribute.first), "Outputs." + entry.first.Scalar() + "." + key,
                                                     "outputs have a value, a description, an export and a condition"));
      }
      std::string name = declarationName(entry.first.Scalar());
      if (import_.resourceNames.count(entry.first.Scalar()) || name == "restApi" || name == "httpApi") name += "Output";
      out += text + "output " + name + " = " + *value + "\n\n";
    }
    return out;
  }

  std::string projectText() {
    const YAML::Node provider = root_["provider"];
    std::vector<std::string> lines;
    if (provider["name"] && provider["name"].Scalar() != "aws")
      report_.add(diag::ImportSettingUnsupported(report_.at(provider["name"]), "provider.name", "Jaws deploys to AWS only"));
    commonSettings(provider, lines, true);
    lines.push_back("regions = [" + stringLiteral(values_.defaultRegion()) + "]");
    static const std::set<std::string> translated = {"name", "runtime", "memorySize", "timeout", "architecture", "logRetentionInDays",
                                                     "tags", "environment", "stage", "region", "iam", "iamRoleStatements",
                                                     "apiGateway", "httpApi", "endpointType", "usagePlan", "apiKeys"};
    for (const auto& entry : provider) {
      const std::string key = entry.first.Scalar();
      if (translated.count(key)) continue;
      if (key == "versionFunctions" || key == "lambdaHashingVersion" || key == "profile")  // `profile`: the deployer's credentials
        report_.add(diag::ImportSettingIgnored(report_.at(entry.first), "provider." + key));
      else if (key == "tracing") {
        for (const auto& part : entry.second) {
          if (part.first.Scalar() != "lambda")
            report_.add(diag::ImportSettingUnsupported(report_.at(part.first), "provider.tracing." + part.first.Scalar(), "Jaws traces functions only"));
        }
      } else if (key == "vpc" || key == "role")
        continue;  // every function's option (importFunctionOptions)
      else if (key == "kmsKeyArn")
        report_.needsLanguageFeature(entry.first, "provider." + key, "the function option `" + key + "`");
      else
        report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), "provider." + key, "the project block has no such setting"));
    }
    std::string out;
    if (root_["custom"] && root_["custom"].IsMap()) {
      for (const auto& entry : root_["custom"]) {
        if (!values_.customKeysUsed().count(entry.first.Scalar()))
          report_.add(diag::ImportSettingUnsupported(report_.at(entry.first), "custom." + entry.first.Scalar(),
                                                     "no value of the file refers to it (a plugin's settings?)"));
      }
    }
    const std::string projectName = declarationName(values_.service().empty() ? "imported" : values_.service());
    out += "/// Imported from serverless.yml (service `" + values_.service() + "`).\nproject " + projectName + " {\n  " +
           joinText(lines, "\n  ") + "\n}\n\n";
    const auto stages = values_.stages();  // first: a stage's value may declare a param
    for (const auto& [name, param] : values_.params()) {
      out += "/// " + param.doc + ".\n";
      out += "param " + name + ": " + param.type + (param.defaultValue.empty() ? "" : " = " + param.defaultValue) + "\n\n";
    }
    out += conditions_ + values_.mappings().lets();  // the lets of the lookups made, every value translated by now
    for (const auto& stage : stages) {
      if (&stage != &stages.front()) out += "\n";
      out += "stage " + declarationName(stage.stage) + " {";
      for (const auto& [param, value] : stage.values) out += "\n  " + param + " = " + value;
      out += stage.values.empty() ? "}\n" : "\n}\n";
    }
    return out;
  }

  const YAML::Node& root_;
  std::string codePrefix_;
  ImportReport& report_;
  ServerlessValues values_;
  ServerlessImport import_;
  std::vector<std::string> permissions_;
  std::string apiResources_;
  std::string conditions_;  // the lets of resources.Conditions  // API keys and the usage plan of provider.apiGateway
};

}  // namespace

bool isServerlessFile(const YAML::Node& root) { return root.IsMap() && root["service"] && root["provider"]; }

ImportedProject importServerless(const YAML::Node& root, const std::string& codePrefix, ImportReport& report) {
  return ServerlessImporter(root, codePrefix, report).run();
}

}  // namespace jaws::importer
