"""`jaws serve` end to end: a real server on a free port, real Node.js and
Python handlers, driven over HTTP (docs/local.md)."""
import concurrent.futures
import json
import re
import time
import unittest

from localserve import DEADLINE, LocalTestCase, wait_until


class Routing(LocalTestCase):
    def test_path_query_and_greedy_parameters_reach_the_handler(self):
        server = self.serve()
        status, headers, body = server.json("GET", "/hello/w%C3%B6rld?greeting=hi&tag=a&tag=b")
        self.assertEqual(status, 200, body)
        self.assertEqual(headers["x-handler"], "hello")
        self.assertEqual(body["resource"], "/hello/{name}")
        self.assertEqual(body["pathParameters"], {"name": "wörld"})
        self.assertEqual(body["query"], {"greeting": "hi", "tag": "b"})
        self.assertEqual(body["multiQuery"]["tag"], ["a", "b"])
        self.assertEqual(body["stage"], "dev")
        status, _, body = server.json("GET", "/files/a/b/c.txt")
        self.assertEqual(status, 200)
        self.assertEqual(body["resource"], "/files/{key+}")
        self.assertEqual(body["pathParameters"], {"key": "a/b/c.txt"})
        # The terminal shows the request and the handler's output (read by a
        # thread: wait for it).
        server.wait_for_line(r"^GET /files/a/b/c\.txt -> hello 200 \d+ms$")
        server.wait_for_line(r"^\[hello\] hello handler: GET /files/a/b/c\.txt$")

    def test_unknown_routes_get_api_gateways_403(self):
        server = self.serve()
        for method, path in [("GET", "/nope"), ("DELETE", "/hello/x"), ("GET", "/files")]:
            status, headers, body = server.json(method, path, headers={"Origin": "https://app.example.com"})
            self.assertEqual(status, 403, (method, path))
            self.assertEqual(body, {"message": "Missing Authentication Token"})
            self.assertEqual(headers["x-amzn-errortype"], "MissingAuthenticationTokenException")
            # The DEFAULT_4XX gateway response carries the CORS headers.
            self.assertEqual(headers["access-control-allow-origin"], "https://app.example.com")

    def test_the_environment_is_the_stages_with_lambdas_variables_and_local_values(self):
        server = self.serve()
        status, _, body = server.json("GET", "/hello/x")
        self.assertEqual(status, 200)
        self.assertEqual(body["env"], {
            "TABLE": "items-local",  # items.ref, from jaws.local.json
            "GREETING": "hello",
            "STAGE_NAME": "dev",
            "SELF": "localtest-dev-hello",  # hello.name: known locally
            "API": f"http://127.0.0.1:{server.port}",  # testApi.url: the local API
            "AWS_LAMBDA_FUNCTION_NAME": "localtest-dev-hello",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
            "AWS_REGION": "us-east-1",
        })
        self.assertGreater(body["remaining"], 0)
        self.assertLessEqual(body["remaining"], 5000)

    def test_a_missing_local_value_is_reported_once_at_start_by_name(self):
        self.write("jaws.local.json", '{ "values": {} }')
        server = self.serve()
        start = server.output()
        self.assertEqual(len(re.findall(r"warning\[JW9024\]", start)), 1, start)
        self.assertIn("`items.ref` is known only when CloudFormation deploys", start)
        self.assertIn("hello.TABLE is left unset", start)
        status, _, body = server.json("GET", "/hello/x")
        self.assertIsNone(body["env"]["TABLE"])
        self.assertEqual(len(re.findall(r"JW9024", server.output())), 1)


class Startup(LocalTestCase):
    def test_a_port_in_use_is_reported(self):
        import socket
        import subprocess
        from localserve import JAWS
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            proc = subprocess.run([JAWS, "serve", self.project, "--port", str(port)], capture_output=True, text=True,
                                  timeout=DEADLINE)
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn(f"error[JW9026]: cannot listen on 127.0.0.1:{port}", proc.stderr)

    def test_a_project_with_errors_is_not_served(self):
        import subprocess
        from localserve import JAWS
        self.write("broken.jaws", "function broken { handler = 5 }\n")
        proc = subprocess.run([JAWS, "serve", self.project, "--port", "0"], capture_output=True, text=True, timeout=DEADLINE)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("nothing is served", proc.stderr)


class Validation(LocalTestCase):
    def test_a_valid_request_reaches_the_python_handler(self):
        server = self.serve()
        status, _, body = server.json("POST", "/items", {"name": "pen", "count": 2},
                                      headers={"Content-Type": "application/json", "X-Request-Id": "r-1"})
        self.assertEqual(status, 201, body)
        self.assertEqual(body, {"item": {"name": "pen", "count": 2}, "requestId": "r-1", "memory": "256",
                                "function": "localtest-dev-pyItems"})
        server.wait_for_line(r"\[pyItems\] creating an item in localtest-dev-pyItems")

    def test_missing_parameters_and_invalid_bodies_get_api_gateways_400(self):
        server = self.serve()
        json_type = {"Content-Type": "application/json"}
        status, headers, body = server.json("POST", "/items", {"name": "pen"}, headers=json_type)
        self.assertEqual((status, body), (400, {"message": "Missing required request parameters: [X-Request-Id]"}))
        self.assertEqual(headers["x-amzn-errortype"], "BadRequestException")
        with_id = {**json_type, "X-Request-Id": "r-2"}
        for invalid in [{"name": ""}, {"count": 1}, {"name": "pen", "count": -1}, {"name": 5}, "not json", ""]:
            status, _, body = server.json("POST", "/items", invalid, headers=with_id)
            self.assertEqual((status, body), (400, {"message": "Invalid request body"}), invalid)
        # The terminal says why.
        server.wait_for_line(r"\[pyItems\] Invalid request body \(.*minLength|\[pyItems\] Invalid request body \(.*")


class Cors(LocalTestCase):
    def test_a_preflight_is_answered_as_the_deployed_options_mock(self):
        server = self.serve()
        status, headers, _ = server.request("OPTIONS", "/items", headers={
            "Origin": "https://app.example.com", "Access-Control-Request-Method": "POST"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["access-control-allow-origin"], "https://app.example.com")
        self.assertEqual(headers["access-control-allow-methods"], "OPTIONS,POST")
        self.assertEqual(headers["access-control-allow-credentials"], "true")
        self.assertEqual(headers["access-control-max-age"], "600")
        self.assertIn("X-Request-Id", headers["access-control-allow-headers"].split(","))
        status, headers, _ = server.request("OPTIONS", "/hello/x")
        self.assertEqual(headers["access-control-allow-methods"], "GET,OPTIONS")
        # No route on the path: no preflight either.
        status, _, _ = server.request("OPTIONS", "/nope")
        self.assertEqual(status, 403)


class Authorizers(LocalTestCase):
    def test_a_lambda_authorizer_allows_denies_and_refuses(self):
        server = self.serve()
        status, _, body = server.json("GET", "/private", headers={"Authorization": "allow"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["authorizer"]["principalId"], "user-1")
        self.assertEqual(body["authorizer"]["tier"], "gold")
        self.assertEqual(body["authorizer"]["level"], "3")
        status, _, body = server.json("GET", "/private", headers={"Authorization": "deny"})
        self.assertEqual((status, body), (403, {"message": "User is not authorized to access this resource"}))
        status, _, body = server.json("GET", "/private", headers={"Authorization": "who?"})
        self.assertEqual((status, body), (401, {"message": "Unauthorized"}))
        status, _, body = server.json("GET", "/private")
        self.assertEqual((status, body), (401, {"message": "Unauthorized"}))


class Faults(LocalTestCase):
    def test_a_crash_a_hang_garbage_and_an_exception_give_api_gateways_answers(self):
        server = self.serve()
        status, _, body = server.json("GET", "/crash")
        self.assertEqual((status, body), (502, {"message": "Internal server error"}))
        server.wait_for_line(r"\[crash\] about to crash")
        server.wait_for_line(r"\[crash\] .*Runtime exited with error: exit status 3")
        started = time.monotonic()
        status, _, body = server.json("GET", "/hang")
        self.assertEqual((status, body), (502, {"message": "Internal server error"}))
        self.assertGreaterEqual(time.monotonic() - started, 0.9)  # its 1 s timeout was enforced
        server.wait_for_line(r"\[hang\] .*Task timed out after 1\.00 seconds")
        status, _, body = server.json("GET", "/garbage")
        self.assertEqual((status, body), (502, {"message": "Internal server error"}))
        server.wait_for_line(r"\[garbage\] .*Malformed Lambda proxy response")
        status, _, body = server.json("GET", "/throws")
        self.assertEqual((status, body), (502, {"message": "Internal server error"}))
        server.wait_for_line(r"\[throws\] .*TypeError: something broke")
        # The server keeps serving, and a crashed function starts again.
        self.assertEqual(server.json("GET", "/hello/x")[0], 200)
        self.assertEqual(server.json("GET", "/crash")[0], 502)


class Concurrency(LocalTestCase):
    def test_concurrent_requests_are_all_answered(self):
        server = self.serve()
        paths = [f"/hello/n{i}" for i in range(24)] + [("POST", i) for i in range(8)]

        def one(item):
            if isinstance(item, tuple):
                status, _, body = server.json("POST", "/items", {"name": f"i{item[1]}"},
                                              headers={"Content-Type": "application/json", "X-Request-Id": str(item[1])})
                return status == 201 and body["item"]["name"] == f"i{item[1]}"
            status, _, body = server.json("GET", item)
            return status == 200 and body["pathParameters"]["name"] == item.rsplit("/", 1)[1]

        with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
            results = list(pool.map(one, paths))
        self.assertTrue(all(results), server.output())
        # One warm process per function: every hello request had the same pid.
        pids = {server.json("GET", f"/hello/p{i}")[2]["pid"] for i in range(3)}
        self.assertEqual(len(pids), 1)


class HotReload(LocalTestCase):
    def test_editing_a_handler_reloads_its_function(self):
        server = self.serve()
        self.assertEqual(server.json("GET", "/hello/x")[2]["version"], 1)
        self.write("src/hello.mjs", self.read("src/hello.mjs").replace("version: 1", "version: 2"))
        wait_until(lambda: server.json("GET", "/hello/x")[2]["version"] == 2, what="the new handler")
        server.wait_for_line(r"reload: \[hello\] src/hello\.mjs changed")

    def test_editing_a_jaws_file_swaps_the_routes_and_errors_keep_the_last_good_version(self):
        server = self.serve()
        self.assertEqual(server.request("GET", "/greet/x")[0], 403)
        source = self.read("project.jaws")
        self.write("project.jaws", source.replace("GET /crash -> crash", "GET /crash -> crash\n  GET /greet/{who} -> hello"))
        wait_until(lambda: server.request("GET", "/greet/x")[0] == 200, what="the new route")
        mark = server.mark()
        self.write("project.jaws", source.replace("GET /crash -> crash", "GET /crash -> nobody"))
        server.wait_for_line(r"still serving the last good version", start=mark)
        self.assertIn("error[JW2", server.output())
        self.assertEqual(server.request("GET", "/greet/x")[0], 200)
        self.assertEqual(server.request("GET", "/hello/x")[0], 200)


if __name__ == "__main__":
    unittest.main()
