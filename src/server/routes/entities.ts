import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { caption } from "../../model/entity.ts";
import type { AppContext } from "../app.ts";
import { getResolvedEntity } from "../../resolution/entities.ts";

export function registerEntityRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/entities/:id",
    {
      schema: {
        summary:
          "One entity, merged over every record resolved into it, with its sources and referents",
        params: z.object({ id: z.string().min(1).max(200) }),
      },
    },
    async (request) => {
      const entity = await getResolvedEntity(ctx.store, request.params.id);
      return {
        ...entity,
        caption: caption(entity),
        target: entity.properties.topics?.includes("sanction") ?? false,
      };
    },
  );
}
