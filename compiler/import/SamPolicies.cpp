// A SAM function's `Policies` as `allow()` statements: inline statements as
// written, the common policy templates expanded the way the SAM translator
// expands them (its policy_templates.json: the same actions, the same resource
// ARNs), managed policies Jaws covers by itself acknowledged, the rest reported.
#include <algorithm>
#include <array>

#include "import/CfnText.h"
#include "import/JawsText.h"
#include "import/SamParts.h"

namespace jaws::importer {

namespace {

// One statement of a template: its actions, and its resources with `{P}` for the
// template's parameter (SAM's `${tableName}`); region and account are Jaws's.
struct TemplateStatement {
  std::vector<const char*> actions;
  std::vector<const char*> resources;
};
struct PolicyTemplate {
  const char* name;
  const char* parameter;  // "" when it takes none
  std::vector<TemplateStatement> statements;
};

const std::vector<PolicyTemplate>& policyTemplates() {
  static const char* kTable = "arn:aws:dynamodb:${region}:${account}:table/{P}";
  static const char* kIndex = "arn:aws:dynamodb:${region}:${account}:table/{P}/index/*";
  static const char* kBucket = "arn:aws:s3:::{P}";
  static const char* kObjects = "arn:aws:s3:::{P}/*";
  static const char* kQueue = "arn:aws:sqs:${region}:${account}:{P}";
  static const std::vector<PolicyTemplate> templates = {
      {"DynamoDBCrudPolicy", "TableName",
       {{{"dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem",
          "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"},
         {kTable, kIndex}}}},
      {"DynamoDBReadPolicy", "TableName",
       {{{"dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"}, {kTable, kIndex}}}},
      {"DynamoDBWritePolicy", "TableName", {{{"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"}, {kTable, kIndex}}}},
      {"S3ReadPolicy", "BucketName",
       {{{"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"},
         {kBucket, kObjects}}}},
      {"S3CrudPolicy", "BucketName",
       {{{"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl",
          "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"},
         {kBucket, kObjects}}}},
      {"S3WritePolicy", "BucketName", {{{"s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"}, {kBucket, kObjects}}}},
      {"SQSSendMessagePolicy", "QueueName", {{{"sqs:SendMessage*"}, {kQueue}}}},
      {"SQSPollerPolicy", "QueueName",
       {{{"sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage", "sqs:DeleteMessageBatch",
          "sqs:GetQueueAttributes", "sqs:ReceiveMessage"},
         {kQueue}}}},
      {"SNSPublishMessagePolicy", "TopicName", {{{"sns:Publish"}, {"arn:aws:sns:${region}:${account}:{P}"}}}},
      {"SNSCrudPolicy", "TopicName",
       {{{"sns:ListSubscriptionsByTopic", "sns:CreateTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Publish"},
         {"arn:aws:sns:${region}:${account}:{P}*"}}}},
      {"LambdaInvokePolicy", "FunctionName", {{{"lambda:InvokeFunction"}, {"arn:aws:lambda:${region}:${account}:function:{P}*"}}}},
      {"StepFunctionsExecutionPolicy", "StateMachineName",
       {{{"states:StartExecution"}, {"arn:aws:states:${region}:${account}:stateMachine:{P}"}}}},
      {"SSMParameterReadPolicy", "ParameterName",
       {{{"ssm:DescribeParameters"}, {"*"}},
        {{"ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"}, {"arn:aws:ssm:${region}:${account}:parameter/{P}"}}}},
      {"SSMParameterWithSlashPrefixReadPolicy", "ParameterName",
       {{{"ssm:DescribeParameters"}, {"*"}},
        {{"ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"}, {"arn:aws:ssm:${region}:${account}:parameter{P}"}}}},
      {"AWSSecretsManagerGetSecretValuePolicy", "SecretArn", {{{"secretsmanager:GetSecretValue"}, {"{P}"}}}},
      {"KinesisStreamReadPolicy", "StreamName",
       {{{"kinesis:ListStreams", "kinesis:DescribeLimits"}, {"arn:aws:kinesis:${region}:${account}:stream/*"}},
        {{"kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator"},
         {"arn:aws:kinesis:${region}:${account}:stream/{P}"}}}},
      {"KinesisCrudPolicy", "StreamName",
       {{{"kinesis:AddTagsToStream", "kinesis:CreateStream", "kinesis:DecreaseStreamRetentionPeriod", "kinesis:DeleteStream",
          "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetShardIterator", "kinesis:IncreaseStreamRetentionPeriod",
          "kinesis:ListTagsForStream", "kinesis:MergeShards", "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:SplitShard",
          "kinesis:RemoveTagsFromStream"},
         {"arn:aws:kinesis:${region}:${account}:stream/{P}"}}}},
      {"EventBridgePutEventsPolicy", "EventBusName", {{{"events:PutEvents"}, {"arn:aws:events:${region}:${account}:event-bus/{P}"}}}},
      {"CloudWatchPutMetricPolicy", "", {{{"cloudwatch:PutMetricData"}, {"*"}}}},
      {"KMSDecryptPolicy", "KeyId", {{{"kms:Decrypt"}, {"arn:aws:kms:${region}:${account}:key/{P}"}}}},
      {"SESCrudPolicy", "IdentityName",
       {{{"ses:GetIdentityVerificationAttributes", "ses:SendEmail", "ses:SendRawEmail", "ses:VerifyEmailIdentity"},
         {"arn:aws:ses:${region}:${account}:identity/{P}"}}}},
  };
  return templates;
}

// Managed policies whose permissions Jaws gives the functions that need them.
bool coveredManagedPolicy(const std::string& name) {
  static const std::array<const char*, 6> covered = {"AWSLambdaBasicExecutionRole", "AWSLambdaExecute", "AWSXRayDaemonWriteAccess",
                                                    "AWSLambdaVPCAccessExecutionRole", "AWSLambdaSQSQueueExecutionRole",
                                                    "AWSLambdaDynamoDBExecutionRole"};
  const std::string bare = name.substr(name.find_last_of('/') == std::string::npos ? 0 : name.find_last_of('/') + 1);
  return std::find_if(covered.begin(), covered.end(), [&](const char* c) { return bare == c; }) != covered.end();
}

std::string quotedList(const std::vector<std::string>& items) {
  if (items.size() == 1) return items[0];
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

// A template's statements with its parameter's value put in.
std::optional<std::vector<std::string>> expandTemplate(SamImport& import, const PolicyTemplate& policy, const YAML::Node& arguments) {
  std::string value;
  if (*policy.parameter) {
    const YAML::Node argument = child(arguments, policy.parameter);
    if (!argument) {
      import.report.add(diag::ImportPolicyUnsupported(import.report.at(arguments), policy.name,
                                                      std::string("its parameter `") + policy.parameter + "` is missing"));
      return std::nullopt;
    }
    auto expression = import.values.expression(argument, true);
    if (!expression) return std::nullopt;
    value = interpolated(*expression);
  }
  std::vector<std::string> out;
  for (const TemplateStatement& statement : policy.statements) {
    std::vector<std::string> actions, resources;
    for (const char* action : statement.actions) actions.push_back(stringLiteral(action));
    for (const char* pattern : statement.resources) {
      std::string text = pattern;
      // Escape the literal part, keep `${region}`/`${account}`, then put the value in.
      const std::size_t at = text.find("{P}");
      const std::string before = at == std::string::npos ? text : text.substr(0, at);
      const std::string after = at == std::string::npos ? "" : text.substr(at + 3);
      resources.push_back("\"" + before + (at == std::string::npos ? "" : value) + after + "\"");
    }
    out.push_back("allow(" + quotedList(actions) + ", " + quotedList(resources) + ")");
  }
  return out;
}

std::optional<std::string> inlineStatement(SamImport& import, const YAML::Node& statement) {
  const YAML::Node effect = child(statement, "Effect");
  if (!effect || effect.Scalar() != "Allow" || !child(statement, "Action") || !child(statement, "Resource") || child(statement, "Condition") ||
      child(statement, "NotAction") || child(statement, "NotResource")) {
    import.report.add(diag::ImportPolicyUnsupported(import.report.at(statement), "Statement",
                                                    "`allow(actions, resources)` has no Deny, Condition, NotAction or NotResource"));
    return std::nullopt;
  }
  auto actions = import.values.expression(statement["Action"], true);
  auto resources = actions ? import.values.expression(statement["Resource"], true) : std::nullopt;
  if (!actions || !resources) return std::nullopt;
  return "allow(" + *actions + ", " + *resources + ")";
}

void onePolicy(SamImport& import, const YAML::Node& policy, std::vector<std::string>& out) {
  if (policy.IsScalar() && !intrinsicOf(policy)) {
    const std::string name = policy.Scalar();
    if (coveredManagedPolicy(name)) import.report.add(diag::ImportPolicyCovered(import.report.at(policy), name));
    else import.report.add(diag::ImportPolicyUnsupported(import.report.at(policy), name, "Jaws attaches no managed policies"));
    return;
  }
  if (!policy.IsMap()) {
    import.report.add(diag::ImportPolicyUnsupported(import.report.at(policy), "policy", "a policy ARN computed at deploy time"));
    return;
  }
  if (const YAML::Node statements = child(policy, "Statement")) {
    if (!statements.IsSequence()) {
      if (auto text = inlineStatement(import, statements)) out.push_back(*text);
      return;
    }
    for (const YAML::Node& statement : statements) {
      if (auto text = inlineStatement(import, statement)) out.push_back(*text);
    }
    return;
  }
  for (const auto& entry : policy) {
    const std::string name = entry.first.Scalar();
    const auto& templates = policyTemplates();
    const auto found = std::find_if(templates.begin(), templates.end(), [&](const PolicyTemplate& t) { return name == t.name; });
    if (found == templates.end()) {
      import.report.add(diag::ImportPolicyUnsupported(import.report.at(entry.first), name, "the importer has no expansion of this policy template"));
      continue;
    }
    if (auto statements = expandTemplate(import, *found, entry.second)) out.insert(out.end(), statements->begin(), statements->end());
  }
}

}  // namespace

std::vector<std::string> importSamPolicies(SamImport& import, const YAML::Node& policies) {
  std::vector<std::string> out;
  if (policies.IsSequence()) {
    for (const YAML::Node& policy : policies) onePolicy(import, policy, out);
  } else {
    onePolicy(import, policies, out);
  }
  return out;
}

}  // namespace jaws::importer
