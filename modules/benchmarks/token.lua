-- wrk script: POST /token, grant_type=client_credentials, client_secret_basic.
-- The Authorization header value comes from the environment (BENCH_AUTHORIZATION), so no
-- secret is written to disk. Used by run.sh.
wrk.method = "POST"
wrk.body = "grant_type=client_credentials&scope=api%3Aread"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")
