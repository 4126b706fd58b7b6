module github.com/goprimer/concurrency

go 1.26.0
