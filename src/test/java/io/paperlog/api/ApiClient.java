package io.paperlog.api;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A script's view of the API: one personal token, made through the real tokens page, sent as a bearer token. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final TestApp app;
    final String token;

    ApiClient(TestApp app, String token) {
        this.app = app;
        this.token = token;
    }

    /** Makes a token on {@code person}'s tokens page with this scope, and returns a client that sends it. */
    static ApiClient of(TestApp app, Client person, String scope) {
        return new ApiClient(app, create(person, "script", scope, "30"));
    }

    static String create(Client person, String name, String scope, String days) {
        return person.apiToken(name, scope, days);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return checked(method, TestApp.send(request.build()));
    }

    /** Every answer a test receives is held to the OpenAPI document. */
    static HttpResponse<String> checked(String method, HttpResponse<String> response) {
        OpenApiContract.check(method, response);
        return response;
    }

    HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body) {
        return checked(method, TestApp.send(HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build()));
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
