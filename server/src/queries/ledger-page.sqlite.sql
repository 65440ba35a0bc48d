select "c".* from "communities" as "c" where (("c"."region_path" >= ? and "c"."region_path" < ?) and ("c"."name" like ? escape '\' or "c"."address" like ? escape '\' or "c"."name_key" like ? escape '\')) order by "c"."name" asc, "c"."id" asc limit ? offset ?;

select * from "plan_policies" order by "plan_year" desc;

select * from "regions" where "code" = ?;

select count(*) as "count", coalesce(sum("c"."households"), 0) as "households", coalesce(sum("c"."buildings"), 0) as "buildings", coalesce(sum("c"."floor_area_centi"), 0) as "floor_area_centi", coalesce(sum("c"."investment_yuan"), 0) as "investment_yuan" from "communities" as "c" where (("c"."region_path" >= ? and "c"."region_path" < ?) and ("c"."name" like ? escape '\' or "c"."address" like ? escape '\' or "c"."name_key" like ? escape '\'));
