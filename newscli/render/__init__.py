"""The one place that writes output: the writer (`writer`) and each command's look
(`layouts`)."""
