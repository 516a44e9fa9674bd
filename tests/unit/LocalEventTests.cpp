// The events the local API sends (REST 1.0, HTTP API 2.0) and the proxy
// responses it turns back into HTTP (compiler/local/).
#include <catch2/catch.hpp>

#include "local/Base64.h"
#include "local/ProxyResponse.h"
#include "local/events/ApiEvents.h"

using namespace jaws::local;

namespace {

HttpRequest pngUpload() {
  HttpRequest r;
  r.method = "POST";
  r.path = "/files/a%20b";
  r.query = "x=1&x=2&y=%C3%A9+z";
  r.headers = {{"Content-Type", "image/png"}, {"Cookie", "a=1; b=2"}, {"X-Multi", "1"}, {"X-Multi", "2"}};
  r.body = std::string("\x89PNG\r\n\x1a\n\0\xff", 10);
  return r;
}

ApiEventContext context() {
  ApiEventContext c;
  c.stage = "dev";
  c.accountId = "000000000000";
  c.requestId = "req-1";
  c.routeMethod = "POST";
  c.resourcePath = "/files/{name}";
  c.pathParameters = {{"name", "a b"}};
  c.binaryMediaTypes = {"image/*"};
  c.epochMillis = 1704110400000LL;
  return c;
}

}  // namespace

TEST_CASE("base64 round-trips every byte", "[local]") {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (std::size_t n : {0u, 1u, 2u, 3u, 255u, 256u}) CHECK(base64Decode(base64Encode(all.substr(0, n))) == all.substr(0, n));
  CHECK(base64Encode("hi") == "aGk=");
  CHECK_FALSE(base64Decode("a$b"));
}

TEST_CASE("the REST proxy event (payload 1.0)", "[local]") {
  const EventJson event = restProxyEvent(pngUpload(), context());
  CHECK(event["resource"] == "/files/{name}");
  CHECK(event["path"] == "/files/a b");
  CHECK(event["httpMethod"] == "POST");
  CHECK(event["headers"]["X-Multi"] == "2");
  CHECK(event["multiValueHeaders"]["X-Multi"] == EventJson::array({"1", "2"}));
  CHECK(event["queryStringParameters"] == EventJson{{"x", "2"}, {"y", "é z"}});
  CHECK(event["multiValueQueryStringParameters"]["x"] == EventJson::array({"1", "2"}));
  CHECK(event["pathParameters"] == EventJson{{"name", "a b"}});
  CHECK(event["requestContext"]["path"] == "/dev/files/a b");
  CHECK(event["requestContext"]["requestTime"] == "01/Jan/2024:12:00:00 +0000");
  CHECK(event["requestContext"]["resourcePath"] == "/files/{name}");
  // A body of a binary media type reaches the function base64-encoded.
  CHECK(event["isBase64Encoded"] == true);
  CHECK(base64Decode(event["body"].get<std::string>()) == pngUpload().body);
  HttpRequest text = pngUpload();
  text.headers = {{"Content-Type", "application/json"}};
  text.body = "{}";
  text.query.clear();
  const EventJson plain = restProxyEvent(text, context());
  CHECK(plain["isBase64Encoded"] == false);
  CHECK(plain["body"] == "{}");
  CHECK(plain["queryStringParameters"].is_null());
}

TEST_CASE("the HTTP API event (payload 2.0)", "[local]") {
  const EventJson event = httpApiEvent(pngUpload(), context());
  CHECK(event["version"] == "2.0");
  CHECK(event["routeKey"] == "POST /files/{name}");
  CHECK(event["rawPath"] == "/files/a%20b");
  CHECK(event["rawQueryString"] == "x=1&x=2&y=%C3%A9+z");
  CHECK(event["cookies"] == EventJson::array({"a=1", "b=2"}));
  CHECK(event["headers"]["x-multi"] == "1,2");
  CHECK_FALSE(event["headers"].contains("cookie"));
  CHECK(event["queryStringParameters"]["x"] == "1,2");
  CHECK(event["requestContext"]["http"]["path"] == "/files/a b");
  CHECK(event["isBase64Encoded"] == true);
}

TEST_CASE("proxy responses become HTTP responses; malformed ones are 502", "[local]") {
  const std::vector<std::string> binary = {"image/png"};
  ProxyAnswer ok = restProxyResponse(
      R"({"statusCode":201,"headers":{"A":"1","B":"x"},"multiValueHeaders":{"B":["y","z"]},"body":"hi"})", nullptr, binary);
  CHECK(ok.malformed.empty());
  CHECK(ok.response.status == 201);
  CHECK(ok.response.body == "hi");
  int b = 0;
  for (const auto& [name, value] : ok.response.headers) b += name == "B";
  CHECK(b == 2);
  const std::string accept = "image/png, */*";
  ProxyAnswer image = restProxyResponse(R"({"statusCode":200,"body":"aGk=","isBase64Encoded":true})", &accept, binary);
  CHECK(image.response.body == "hi");
  const std::string html = "text/html";
  ProxyAnswer kept = restProxyResponse(R"({"statusCode":200,"body":"aGk=","isBase64Encoded":true})", &html, binary);
  CHECK(kept.response.body == "aGk=");
  for (const char* bad : {R"("just a string")", R"({"body":"no status"})", R"({"statusCode":200,"body":{"an":"object"}})",
                          R"({"statusCode":200,"extra":1})", R"({"statusCode":99})", "not json"}) {
    ProxyAnswer answer = restProxyResponse(bad, nullptr, binary);
    CHECK_FALSE(answer.malformed.empty());
    CHECK(answer.response.status == 502);
    CHECK(answer.response.body == R"({"message":"Internal server error"})");
  }
}

TEST_CASE("payload 2.0 answers: cookies, base64 always decoded, no statusCode means a JSON body", "[local]") {
  ProxyAnswer ok = httpApiProxyResponse(R"({"statusCode":201,"headers":{"A":"1"},"cookies":["a=1","b=2"],"body":"aGk=","isBase64Encoded":true})");
  CHECK(ok.malformed.empty());
  CHECK(ok.response.status == 201);
  CHECK(ok.response.body == "hi");
  int cookies = 0;
  for (const auto& [name, value] : ok.response.headers) cookies += name == "Set-Cookie";
  CHECK(cookies == 2);
  for (const char* inferred : {R"({"hello":"world"})", R"("just a string")", "[1,2]"}) {
    ProxyAnswer answer = httpApiProxyResponse(inferred);
    CHECK(answer.malformed.empty());
    CHECK(answer.response.status == 200);
    CHECK(answer.response.body == inferred);
  }
  for (const char* bad : {R"({"statusCode":"teapot"})", R"({"statusCode":99})", R"({"statusCode":200,"cookies":"a=1"})",
                          R"({"statusCode":200,"body":"!!","isBase64Encoded":true})", "not json"}) {
    ProxyAnswer answer = httpApiProxyResponse(bad);
    CHECK_FALSE(answer.malformed.empty());
    CHECK(answer.response.status == 500);
    CHECK(answer.response.body == R"({"message":"Internal Server Error"})");
  }
}
