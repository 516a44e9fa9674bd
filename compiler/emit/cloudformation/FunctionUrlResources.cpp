// A function URL (`url` on a function): the AWS::Lambda::Url and, for a
// public URL (`auth = "none"`), the resource-based policy that lets anyone
// call it. Since October 2025 Lambda requires two statements for that: one
// allowing lambda:InvokeFunctionUrl (conditioned on the URL's auth type
// NONE) and one allowing lambda:InvokeFunction when invoked through a
// function URL (AWS Lambda Developer Guide, "Control access to Lambda
// function URLs": https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html).
// SAM 1.110 emits the same pair. An IAM URL needs no policy: its callers'
// own identity policies grant both actions.
#include "emit/apidocs/HttpCors.h"
#include "emit/cloudformation/CfnNames.h"
#include "emit/cloudformation/TemplateResources.h"

namespace jaws::emit {

void addFunctionUrlResources(const model::Stack&, const model::Function& fn, ResourceMap& resources) {
  if (!fn.url) return;
  const model::FunctionUrl& url = *fn.url;
  const std::string functionId = names::function(fn.name);

  std::map<std::string, Json> properties;
  properties["AuthType"] = url.iam ? "AWS_IAM" : "NONE";
  if (url.cors.enabled) properties["Cors"] = corsConfiguration(url.cors, nullptr, CorsSpelling::CloudFormation);
  properties["InvokeMode"] = url.stream ? "RESPONSE_STREAM" : "BUFFERED";
  properties["TargetFunctionArn"] = Json{{"Ref", functionId}};
  resources[names::functionUrl(fn.name)] = Json{{"Type", "AWS::Lambda::Url"}, {"Properties", sortedObject(std::move(properties))}};
  if (url.iam) return;

  resources[names::functionUrlPermission(fn.name)] =
      Json{{"Type", "AWS::Lambda::Permission"},
           {"Properties", Json{{"Action", "lambda:InvokeFunctionUrl"},
                               {"FunctionName", Json{{"Ref", functionId}}},
                               {"FunctionUrlAuthType", "NONE"},
                               {"Principal", "*"}}}};
  Json invoke = invokePermission(functionId, "*", nullptr);
  invoke["Properties"]["InvokedViaFunctionUrl"] = true;
  resources[names::functionUrlInvokePermission(fn.name)] = std::move(invoke);
}

}  // namespace jaws::emit
