# syntax=docker/dockerfile:1
# The service in a container: built with the SDK, run on the ASP.NET runtime image as its non-root "app" user.
#   docker build -t complaintcloud .
# The built-in policy plugins are published into /var/lib/complaintcloud/plugins, a volume: a named volume starts
# with them, and plugins added there later are picked up without a restart. See docs/deploy.md.

# The web console, built as ./run.sh builds it (npm ci, then tsc and Vite); the service serves its dist from /.
FROM node:20-bookworm-slim AS console
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci
COPY web/ ./
# The policy editor starts from the example document the service ships.
COPY src/ComplaintCloud.Infrastructure/Plugins/Declarative/custom-policy.example.json /src/src/ComplaintCloud.Infrastructure/Plugins/Declarative/
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The build settings and analyser rules the solution builds with, then the service and the built-in plugins.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY plugins/ plugins/
RUN dotnet restore src/ComplaintCloud.Api/ComplaintCloud.Api.csproj -r linux-x64 \
 && for plugin in plugins/ComplaintCloud.Policies.*/*.csproj; do dotnet restore "$plugin"; done
# For linux-x64, so that the assemblies are compiled ahead of time (ReadyToRun): a faster start.
RUN dotnet publish src/ComplaintCloud.Api/ComplaintCloud.Api.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app \
 # Building a policy publishes it, with its plugin.json, into artifacts/plugins/<id>/<version>/.
 && for plugin in plugins/ComplaintCloud.Policies.*/*.csproj; do dotnet build "$plugin" -c Release --no-restore; done

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=build --chown=app:app /src/artifacts/plugins /var/lib/complaintcloud/plugins
COPY --from=console /src/web/dist ./console
# MALLOC_ARENA_MAX: glibc gives each busy thread a malloc arena of its own, up to 8 a core, and each keeps what was
# freed in it: 15 arenas held 53 MB after the load harness's run. Two arenas are enough for the runtime's native
# allocations (docs/load.md, memory).
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    MALLOC_ARENA_MAX=2 \
    Console__Path=/app/console \
    Plugins__Path=/var/lib/complaintcloud/plugins \
    Tenants__ProvisionDemo=false
VOLUME /var/lib/complaintcloud/plugins
EXPOSE 8080
# The image's unprivileged user (uid 1654); nothing in the image needs root.
USER app
ENTRYPOINT ["dotnet", "ComplaintCloud.Api.dll"]
