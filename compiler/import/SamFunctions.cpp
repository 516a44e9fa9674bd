// An `AWS::Serverless::Function` (with the template's `Globals.Function`) as a
// `function` declaration: its code location, settings, function options
// (docs/functions.md), URL, policies and events.
#include <algorithm>

#include "import/CfnText.h"
#include "import/JawsText.h"
#include "import/SamParts.h"

namespace jaws::importer {

namespace {

class FunctionImport {
 public:
  FunctionImport(SamImport& import, const YAML::Node& properties)
      : import_(import), properties_(withGlobals(import.globals, "Function", properties)), globals_(child(import.globals, "Function")) {}

  YAML::Node get(const std::string& key) {
    read_.push_back(key);
    return settingOf(properties_, key);
  }
  // The same setting in `Globals`, whose map SAM merges under the function's.
  YAML::Node global(const std::string& key) const { return child(globals_, key); }
  void line(const std::string& attribute, const std::string& value) { lines_.push_back(attribute + " = " + value); }
  void expression(const std::string& yamlKey, const std::string& attribute, bool asString = false) {
    if (const YAML::Node value = get(yamlKey)) {
      if (auto text = import_.values.expression(value, asString)) line(attribute, *text);
    }
  }
  // A plain number with Jaws's unit; a computed one is reported.
  void amount(const std::string& yamlKey, const std::string& attribute, const char* unit) {
    const YAML::Node value = get(yamlKey);
    if (!value) return;
    if (!value.IsScalar() || intrinsicOf(value) || plainLiteral(value.Scalar()).empty() || value.Scalar().find('.') != std::string::npos) {
      import_.report.add(diag::ImportSettingUnsupported(import_.report.at(value), yamlKey, "only a plain number is translated"));
      return;
    }
    line(attribute, value.Scalar() + unit);
  }
  void unsupported(const YAML::Node& at, const std::string& item, const std::string& reason) {
    import_.report.add(diag::ImportSettingUnsupported(import_.report.at(at), item, reason));
  }
  void leftOut() {
    for (const SamSetting& entry : properties_) {
      const std::string key = entry.key.Scalar();
      if (std::find(read_.begin(), read_.end(), key) != read_.end()) continue;
      std::string why = "Jaws functions have no such setting";
      if (key == "AutoPublishAlias" || key == "DeploymentPreference" || key == "ProvisionedConcurrencyConfig" || key == "AutoPublishCodeSha256")
        why = "Jaws deploys no versions, aliases or gradual deployments";
      unsupported(entry.key, key, why);
    }
  }
  const std::vector<std::string>& lines() const { return lines_; }
  SamImport& import() { return import_; }

 private:
  SamImport& import_;
  std::vector<SamSetting> properties_;
  YAML::Node globals_;
  std::vector<std::string> read_;
  std::vector<std::string> lines_;
};

std::string folderOf(std::string codeUri) {
  while (codeUri.rfind("./", 0) == 0) codeUri = codeUri.substr(2);
  if (codeUri.empty() || codeUri == ".") return "";
  return codeUri.back() == '/' ? codeUri : codeUri + "/";
}

void code(FunctionImport& f) {
  SamImport& import = f.import();
  const YAML::Node handler = f.get("Handler");
  const YAML::Node codeUri = f.get("CodeUri");
  if (const YAML::Node image = f.get("ImageUri"); image || (f.get("PackageType") && f.get("PackageType").Scalar() == "Image")) {
    f.unsupported(image ? image : f.get("PackageType"), "PackageType", "container image functions are not supported");
    return;
  }
  if (const YAML::Node inlineCode = f.get("InlineCode")) {
    f.unsupported(inlineCode, "InlineCode", "Jaws packages a source folder; write the code into a file");
  }
  std::string folder;
  if (codeUri && (!codeUri.IsScalar() || intrinsicOf(codeUri) || codeUri.Scalar().rfind("s3://", 0) == 0)) {
    f.unsupported(codeUri, "CodeUri", "code in S3: Jaws packages a folder of the project");
  } else if (codeUri) {
    folder = folderOf(codeUri.Scalar());
  }
  if (!handler || !handler.IsScalar()) return;
  f.line("handler", stringLiteral(import.codePrefix + folder + handler.Scalar()));
  if (handler.Scalar().find('.') == std::string::npos)
    f.unsupported(handler, "Handler", "a compiled binary's name; Jaws handlers are module.export");
}

void settings(FunctionImport& f) {
  SamImport& import = f.import();
  f.expression("Description", "description", true);
  f.expression("Runtime", "runtime", true);
  f.amount("MemorySize", "memory", "MB");
  f.amount("Timeout", "timeout", "s");
  if (const YAML::Node architectures = f.get("Architectures")) {
    if (!architectures.IsSequence() || architectures.size() != 1) {
      f.unsupported(architectures, "Architectures", "a function has one architecture");
    } else if (auto v = import.values.expression(architectures[0], true)) {
      f.line("architecture", *v);
    }
  }
  const std::vector<SamSetting> environment = mergedMap(child(f.get("Environment"), "Variables"), child(f.global("Environment"), "Variables"));
  if (!environment.empty()) {
    std::vector<std::string> entries;
    for (const SamSetting& entry : environment) {
      if (auto v = import.values.expression(entry.value, true)) entries.push_back(objectKey(entry.key.Scalar()) + " = " + *v);
    }
    if (!entries.empty()) {
      std::string text = "{ ";
      for (std::size_t i = 0; i < entries.size(); ++i) text += (i ? ", " : "") + entries[i];
      f.line("env", text + " }");
    }
  }
  f.expression("Layers", "layers", true);
  const std::vector<SamSetting> tags = mergedMap(f.get("Tags"), f.global("Tags"));
  if (!tags.empty()) {
    std::string text;
    for (const SamSetting& tag : tags) {
      if (auto v = import.values.expression(tag.value, true)) text += (text.empty() ? "{ " : ", ") + objectKey(tag.key.Scalar()) + " = " + *v;
    }
    if (!text.empty()) f.line("tags", text + " }");
  }
  f.expression("ReservedConcurrentExecutions", "reservedConcurrency");
  f.expression("FunctionName", "name", true);
  f.expression("Role", "role", true);
  if (const YAML::Node tracing = f.get("Tracing")) {
    if (tracing.Scalar() == "Active") f.line("tracing", "\"active\"");
    else if (tracing.Scalar() == "PassThrough") f.line("tracing", "\"passthrough\"");
    else if (tracing.Scalar() != "Disabled") f.unsupported(tracing, "Tracing", "a value known only at deploy time");
  }
  if (const YAML::Node storage = child(f.get("EphemeralStorage"), "Size")) {
    if (storage.IsScalar() && !plainLiteral(storage.Scalar()).empty()) f.line("storage", storage.Scalar() + "MB");
    else f.unsupported(storage, "EphemeralStorage", "only a plain number is translated");
  }
}

void options(FunctionImport& f) {
  SamImport& import = f.import();
  if (const YAML::Node vpc = f.get("VpcConfig")) {
    auto subnets = import.values.expression(child(vpc, "SubnetIds"), true);
    auto groups = subnets ? import.values.expression(child(vpc, "SecurityGroupIds"), true) : std::nullopt;
    if (subnets && groups) f.line("vpc", "{ subnets = " + *subnets + ", securityGroups = " + *groups + " }");
  }
  if (const YAML::Node target = child(f.get("DeadLetterQueue"), "TargetArn")) {
    if (auto v = import.values.expression(target, true)) f.line("deadLetter", *v);
  }
  if (const YAML::Node config = f.get("EventInvokeConfig"); config && config.IsMap()) {
    std::vector<std::string> parts;
    for (const auto& entry : config) {
      const std::string key = entry.first.Scalar();
      std::optional<std::string> value;
      if (key == "MaximumRetryAttempts") {
        if ((value = import.values.expression(entry.second))) parts.push_back("retries = " + *value);
      } else if (key == "MaximumEventAgeInSeconds") {
        if ((value = import.values.expression(entry.second))) parts.push_back("maxAge = " + *value + "s");
      } else if (key == "DestinationConfig" && entry.second.IsMap()) {
        for (const auto& destination : entry.second) {
          const std::string which = destination.first.Scalar() == "OnSuccess" ? "onSuccess" : "onFailure";
          if (auto v = import.values.expression(child(destination.second, "Destination"), true)) parts.push_back(which + " = " + *v);
        }
      } else {
        f.unsupported(entry.first, "EventInvokeConfig." + key, "Jaws's `async` has retries, maxAge, onSuccess and onFailure");
      }
    }
    if (!parts.empty()) {
      std::string text = "{ ";
      for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
      f.line("async", text + " }");
    }
  }
  if (const YAML::Node url = f.get("FunctionUrlConfig"); url && url.IsMap()) {
    std::vector<std::string> parts;
    const YAML::Node auth = child(url, "AuthType");
    parts.push_back(std::string("auth = ") + (auth && auth.Scalar() == "AWS_IAM" ? "\"iam\"" : "\"none\""));
    if (const YAML::Node cors = child(url, "Cors")) {
      std::vector<std::string> corsParts;
      for (const auto& entry : cors) {
        const std::string key = entry.first.Scalar();
        std::optional<std::string> value = import.values.expression(entry.second, key != "AllowCredentials" && key != "MaxAge");
        if (!value) continue;
        if (key == "AllowOrigins") corsParts.push_back("origins = " + *value);
        else if (key == "AllowHeaders") corsParts.push_back("headers = " + *value);
        else if (key == "AllowCredentials") corsParts.push_back("credentials = " + *value);
        else if (key == "MaxAge") corsParts.push_back("maxAge = " + *value + "s");
        else if (key == "AllowMethods") import.report.add(diag::ImportSettingIgnored(import.report.at(entry.first), "Cors.AllowMethods"));
        else f.unsupported(entry.first, "FunctionUrlConfig.Cors." + key, "Jaws's CORS has origins, headers, credentials and maxAge");
      }
      std::string text = "{ ";
      for (std::size_t i = 0; i < corsParts.size(); ++i) text += (i ? ", " : "") + corsParts[i];
      parts.push_back("cors = " + (corsParts.empty() ? std::string("true") : text + " }"));
    }
    if (const YAML::Node mode = child(url, "InvokeMode"); mode && mode.Scalar() == "RESPONSE_STREAM") parts.push_back("stream = true");
    std::string text = "{ ";
    for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
    f.line("url", text + " }");
  }
}

}  // namespace

std::string importSamFunction(SamImport& import, const std::string& name, const YAML::Node& resource) {
  std::vector<std::string> handled = {"Type", "Properties"};
  const std::string decorators = declarationOptions(import, resource, false, handled);
  FunctionImport f(import, child(resource, "Properties"));
  code(f);
  settings(f);
  options(f);
  if (const YAML::Node policies = f.get("Policies")) {
    const std::vector<std::string> permissions = importSamPolicies(import, policies);
    if (!permissions.empty()) {
      std::string text = "[";
      for (std::size_t i = 0; i < permissions.size(); ++i) text += (i ? ", " : "") + permissions[i];
      f.line("permissions", text + "]");
    }
  }
  if (const YAML::Node events = f.get("Events")) {
    const std::vector<std::string> sources = importSamEvents(import, name, events);
    if (!sources.empty()) {
      std::string text = "[";
      for (std::size_t i = 0; i < sources.size(); ++i) text += (i ? ", " : "") + sources[i];
      f.line("events", text + "]");
    }
  }
  f.leftOut();
  std::string out = decorators + "function " + name + " {\n";
  for (const std::string& line : f.lines()) out += "  " + line + "\n";
  return out + "}";
}

}  // namespace jaws::importer
