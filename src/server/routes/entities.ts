import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { caption } from "../../model/entity.ts";
import type { AppContext } from "../app.ts";

export function registerEntityRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/entities/:id",
    {
      schema: {
        summary: "One entity with its sources",
        params: z.object({ id: z.string().min(1).max(200) }),
      },
    },
    async (request) => {
      const entity = await ctx.store.getEntity(request.params.id);
      return {
        ...entity,
        caption: caption(entity),
        referents: [],
        target: entity.properties.topics?.includes("sanction") ?? false,
      };
    },
  );
}
