"""Static reading of callback code: Python functions (parse, flow, signature), inline JavaScript, parse-ahead."""
