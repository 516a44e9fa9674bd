"""`jaws serve` of an HTTP API (kind = "http"): payload 2.0 events and
answers, the gateway's own errors, simple-response Lambda authorizers and JWT
claims (docs/local.md)."""
import base64
import http.client
import json
import os
import unittest

from localserve import LocalTestCase

PROJECT = """
project httptest {
  runtime = "nodejs22.x"
  timeout = 5s
  regions = ["us-east-1"]
}

stage dev {}

function echo { handler = "src/v2.echo" }
function plain { handler = "src/v2.plain" }
function broken { handler = "src/v2.broken" }
function gate { handler = "src/v2.authorize" }

api web {
  kind = "http"
  cors = { origins = ["https://app.example.com"] }

  GET  /hello/{name} -> echo { path name: string }
  POST /hello/{name} -> echo { path name: string }
  GET  /plain -> plain
  GET  /broken -> broken
  GET  /private -> echo { auth = authorizer(gate) }
  GET  /token -> echo { auth = jwt({ issuer = "https://issuer.example.com/", audience = ["app"], scopes = ["read"] }) }
}
"""

HANDLERS = """export const echo = async (event) => ({
  statusCode: 200,
  headers: { "x-handler": "echo" },
  cookies: ["a=1", "b=2; Path=/"],
  body: JSON.stringify(event),
});
export const plain = async () => ({ hello: "world" });
export const broken = async () => ({ statusCode: "teapot" });
export const authorize = async (event) => ({
  isAuthorized: event.headers.authorization === "allow",
  context: { tier: "gold", route: event.routeArn },
});
"""


def token(claims):
    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
    return part({"alg": "none"}) + "." + part(claims) + ".signature"


class HttpApi(LocalTestCase):
    def setUp(self):
        super().setUp()
        self.write("project.jaws", PROJECT)
        self.write("src/v2.mjs", HANDLERS)
        os.remove(os.path.join(self.project, "jaws.local.json"))

    def test_a_route_gets_the_payload_2_0_event_and_its_answer_is_sent(self):
        server = self.serve()
        status, headers, body = server.json("GET", "/hello/w%C3%B6rld?tag=a&tag=b", headers={"Cookie": "s=1; t=2"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["version"], "2.0")
        self.assertEqual(body["routeKey"], "GET /hello/{name}")
        self.assertEqual(body["rawPath"], "/hello/w%C3%B6rld")
        self.assertEqual(body["rawQueryString"], "tag=a&tag=b")
        self.assertEqual(body["queryStringParameters"], {"tag": "a,b"})
        self.assertEqual(body["pathParameters"], {"name": "wörld"})
        self.assertEqual(body["cookies"], ["s=1", "t=2"])
        self.assertEqual(body["requestContext"]["http"]["method"], "GET")
        self.assertEqual(body["requestContext"]["stage"], "dev")
        self.assertNotIn("httpMethod", body)
        self.assertEqual(headers["x-handler"], "echo")
        # The gateway adds its CORS headers to every answer.
        status, headers, _ = server.json("GET", "/hello/x", headers={"Origin": "https://app.example.com"})
        self.assertEqual(headers["access-control-allow-origin"], "https://app.example.com")
        # A text body arrives as text, a binary one base64-encoded.
        _, _, body = server.json("POST", "/hello/x", body={"n": 1}, headers={"Content-Type": "application/json"})
        self.assertEqual((body["body"], body["isBase64Encoded"]), ('{"n": 1}', False))
        _, _, body = server.json("POST", "/hello/x", body=b"\x00\x01", headers={"Content-Type": "image/png"})
        self.assertEqual((body["body"], body["isBase64Encoded"]), ("AAE=", True))

    def test_cookies_become_set_cookie_and_an_answer_without_status_is_a_json_body(self):
        server = self.serve()
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        try:
            connection.request("GET", "/hello/x")
            response = connection.getresponse()
            response.read()
            self.assertEqual(response.status, 200)
            self.assertEqual(response.msg.get_all("Set-Cookie"), ["a=1", "b=2; Path=/"])
        finally:
            connection.close()
        status, headers, body = server.json("GET", "/plain")
        self.assertEqual((status, body), (200, {"hello": "world"}))
        self.assertEqual(headers["content-type"], "application/json")

    def test_the_gateways_own_errors(self):
        server = self.serve()
        status, _, body = server.json("GET", "/nope")
        self.assertEqual((status, body), (404, {"message": "Not Found"}))
        status, _, body = server.json("GET", "/broken")
        self.assertEqual((status, body), (500, {"message": "Internal Server Error"}))
        server.wait_for_line(r"Malformed Lambda proxy response")

    def test_a_simple_response_authorizer_allows_and_denies(self):
        server = self.serve()
        status, _, body = server.json("GET", "/private", headers={"Authorization": "allow"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["requestContext"]["authorizer"]["lambda"]["tier"], "gold")
        self.assertTrue(body["requestContext"]["authorizer"]["lambda"]["route"].startswith("arn:aws:execute-api:us-east-1:"))
        status, _, body = server.json("GET", "/private", headers={"Authorization": "deny"})
        self.assertEqual((status, body), (403, {"message": "Forbidden"}))
        status, _, body = server.json("GET", "/private")
        self.assertEqual((status, body), (401, {"message": "Unauthorized"}))

    def test_a_jwt_authorizer_passes_the_claims_and_scopes_on(self):
        server = self.serve()
        bearer = "Bearer " + token({"sub": "user-1", "aud": "app", "exp": 2000000000})
        status, _, body = server.json("GET", "/token", headers={"Authorization": bearer})
        self.assertEqual(status, 200, body)
        jwt = body["requestContext"]["authorizer"]["jwt"]
        self.assertEqual(jwt["claims"]["sub"], "user-1")
        self.assertEqual(jwt["claims"]["exp"], "2000000000")
        self.assertEqual(jwt["scopes"], ["read"])
        status, _, body = server.json("GET", "/token")
        self.assertEqual((status, body), (401, {"message": "Unauthorized"}))


if __name__ == "__main__":
    unittest.main()
