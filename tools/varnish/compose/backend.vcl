# docker-compose.yml: the `web` service, with a health probe so that grace covers its restarts.
backend default {
    .host = "web";
    .port = "8000";
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}
